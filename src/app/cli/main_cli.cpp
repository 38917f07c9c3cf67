// atlas-migrate: the command-line twin without the GUI libraries, for scripts and CI.
// `atlas-console status` and friends run the same code inside the GUI executable.
#include "app/cli/CommandLine.h"

#include <cstdio>
#include <string_view>

int main(int argc, char *argv[])
{
    if (!CommandLine::handles(argc, argv)) {
        if (argc > 1 && (argv[1] == std::string_view("--version") || argv[1] == std::string_view("-v"))) {
            std::printf("atlas-migrate %s\n", ATLAS_VERSION);
            return CommandLine::Ok;
        }
        std::fprintf(stderr, "usage: atlas-migrate status|plan|apply|rollback|verify [VERSION] [options]\n"
                             "       atlas-migrate COMMAND --help for the options\n");
        return argc > 1 && argv[1] != std::string_view("--help") && argv[1] != std::string_view("-h")
            ? CommandLine::Usage
            : CommandLine::Ok;
    }
    return CommandLine::run(argc, argv);
}

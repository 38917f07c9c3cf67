// A libatlas-console-parts.so from "another build": the entry point is there, its interface hash
// is not this build's (tests/app/tst_partsmodule: the console refuses it and says why).
#include <QtGlobal>

struct OtherBuildFactories {
    const char *abi;
    void *makers[4];
};

extern "C" Q_DECL_EXPORT const OtherBuildFactories *atlas_console_parts()
{
    static const OtherBuildFactories factories{"0123456789abcdef", {nullptr, nullptr, nullptr, nullptr}};
    return &factories;
}

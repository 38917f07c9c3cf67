#include "app/cli/SignalCanceller.h"

#include <csignal>
#include <unistd.h>

namespace {

// The handler only writes a byte: 1 for a signal, 0 to let the thread go.
int g_pipe[2] = {-1, -1};

void onSignalReceived(int signal)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_pipe[1], &byte, 1);
    std::signal(signal, SIG_DFL);
}

}  // namespace

SignalCanceller::SignalCanceller(std::function<void()> onSignal)
{
    if (g_pipe[0] < 0 && ::pipe(g_pipe) != 0)
        return;
    m_installed = true;
    std::signal(SIGINT, onSignalReceived);
    std::signal(SIGTERM, onSignalReceived);
    m_thread = std::thread([onSignal = std::move(onSignal)] {
        // Until the stop byte, so that none is left in the pipe for the next canceller.
        char byte = 0;
        while (::read(g_pipe[0], &byte, 1) == 1 && byte == 1)
            onSignal();
    });
}

SignalCanceller::~SignalCanceller()
{
    if (!m_installed)
        return;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    const char stop = 0;
    [[maybe_unused]] const auto written = ::write(g_pipe[1], &stop, 1);
    m_thread.join();
}

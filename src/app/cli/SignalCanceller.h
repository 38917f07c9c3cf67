#pragma once

#include <functional>
#include <thread>

// While it lives, SIGINT and SIGTERM call `onSignal` (on a thread of its own, since a signal
// handler may not take the mutex a libpq cancel takes): the first signal cancels cleanly, a second
// one ends the process at once. The handlers go back to the default when it ends.
class SignalCanceller {
public:
    explicit SignalCanceller(std::function<void()> onSignal);
    ~SignalCanceller();
    SignalCanceller(const SignalCanceller &) = delete;
    SignalCanceller &operator=(const SignalCanceller &) = delete;

private:
    std::thread m_thread;
    bool m_installed = false;
};

#pragma once

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

// A TCP port on loopback that accepts connections into its backlog and never answers: a
// PostgreSQL client connecting to it waits forever for the server's reply, as it would behind a
// firewall that swallows packets. For testing timeouts and cancellation of connection attempts.
class SilentServer {
public:
    SilentServer()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
        ::listen(m_fd, 16);
        socklen_t length = sizeof address;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length);
        m_port = ntohs(address.sin_port);
    }
    ~SilentServer() { ::close(m_fd); }
    SilentServer(const SilentServer &) = delete;
    SilentServer &operator=(const SilentServer &) = delete;

    int port() const { return m_port; }
    // Whether a client has connected (waits in the backlog), once one has; false after `timeoutMs`.
    bool waitForClient(int timeoutMs) const
    {
        pollfd descriptor{m_fd, POLLIN, 0};
        return ::poll(&descriptor, 1, timeoutMs) == 1;
    }

private:
    int m_fd = -1;
    int m_port = 0;
};

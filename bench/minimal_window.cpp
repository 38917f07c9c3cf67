// The reference for start-up: a minimal Qt Widgets program showing one window with a label,
// which prints when it was first painted after main() and quits (as atlas-console does with
// ATLAS_STARTUP_PROBE=1). What Qt itself costs on this machine.
#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QMainWindow>
#include <QTimer>

#include <chrono>
#include <cstdio>

namespace {

class FirstPaint : public QObject {
public:
    explicit FirstPaint(const QElapsedTimer &clock)
        : m_clock(clock)
    {
    }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_said) {
            m_said = true;
            // The monotonic clock is the system's: the bench compares it with when it started the process.
            std::printf("painted after %lld ms, at %lld ns\n", static_cast<long long>(m_clock.elapsed()),
                        static_cast<long long>(std::chrono::steady_clock::now().time_since_epoch().count()));
            std::fflush(stdout);
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QElapsedTimer &m_clock;
    bool m_said = false;
};

}  // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    QMainWindow window;
    window.setCentralWidget(new QLabel(QStringLiteral("Hello")));
    window.resize(1180, 760);
    FirstPaint probe(clock);
    window.installEventFilter(&probe);
    window.show();
    return app.exec();
}

// The window's side of a damaged library. After the library opens it runs
// the full integrity check on a connection and thread of its own (about a
// second per 100,000 papers, too long for the GUI thread); when the file is
// damaged it says so and offers Repair…, which rebuilds the library in place
// (the damaged file kept beside it) off the GUI thread, with progress.
#pragma once

#include "repair/repairer.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

class QAction;
class QThread;
class QWidget;

namespace gleaner {

class ActionContext;
class Database;

class RepairAction final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RepairAction)

public:
    RepairAction(const QString &libraryPath, QWidget *window);
    // Interrupts a running check and waits for it; a running repair is
    // waited for, since stopping it halfway would leave a file behind.
    ~RepairAction() override;

    QString libraryPath() const { return m_path; }

    // The window's wiring in one place: damage found makes the window's
    // connection refuse writes with the sentence, enables `menuAction`
    // (Repair Library…) and offers the repair; the window's library is
    // closed while the file is replaced and opened again after, then
    // `reconnectWorkers` points the workers' own connections at the new
    // file before libraryReplaced() is announced. Starts the check.
    void attach(const ActionContext &context, QAction *menuAction,
                std::function<void()> reconnectWorkers);
    void checkInBackground();
    bool isChecking() const { return m_checking; }
    bool isDamaged() const { return !m_damage.isEmpty(); }
    // The sentence that says the library is damaged; empty when it is not.
    QString damage() const { return m_damage; }

    // Says the library is damaged, with Repair… and Not Now.
    void offerRepair();
    // Repairs with a progress dialog; repaired() or failed() follows.
    void repair();

Q_SIGNALS:
    void checked(bool sound);
    void damageFound(const QString &sentence);
    // Before the damaged file is moved aside: close connections to it.
    void aboutToRepair();
    // The repaired library is now at the library's path.
    void repaired(const QString &summary);
    void repairFailed(const QString &why);

private:
    void onChecked(bool sound, const QString &sentence);
    void onRepaired(const std::optional<RepairReport> &report, const QString &why);

    QString m_path;
    QPointer<QWidget> m_window;
    QThread *m_thread = nullptr;
    std::shared_ptr<Database> m_checkDb; // interrupted from the GUI thread
    bool m_checking = false;
    bool m_repairing = false;
    QString m_damage;
};

} // namespace gleaner

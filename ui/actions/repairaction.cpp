#include "actions/repairaction.h"

#include "actions/actioncontext.h"
#include "libraryevents.h"
#include "storage/database.h"
#include "storage/integritycheck.h"
#include "storage/library.h"
#include "uilogging.h"

#include <QAction>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QThread>
#include <QWidget>

namespace gleaner {

RepairAction::RepairAction(const QString &libraryPath, QWidget *window)
    : QObject(window)
    , m_path(libraryPath)
    , m_window(window)
{}

RepairAction::~RepairAction()
{
    if (m_thread) {
        if (m_checkDb)
            m_checkDb->interrupt();
        m_thread->wait();
        delete m_thread;
    }
}

void RepairAction::attach(const ActionContext &context, QAction *menuAction,
                          std::function<void()> reconnectWorkers)
{
    menuAction->setEnabled(isDamaged());
    connect(menuAction, &QAction::triggered, this, &RepairAction::repair);
    connect(this, &RepairAction::damageFound, menuAction,
            [this, context, menuAction](const QString &sentence) {
                context.library().database().refuseWrites(sentence);
                menuAction->setEnabled(true);
                context.fail(sentence);
                offerRepair();
            });
    connect(this, &RepairAction::aboutToRepair, menuAction,
            [context] { context.library().close(); });
    const auto reopen = [this, context, reconnectWorkers] {
        if (!context.library().open(m_path))
            context.fail(context.library().errorString());
        reconnectWorkers();
        Q_EMIT context.events().libraryReplaced();
    };
    connect(this, &RepairAction::repaired, menuAction,
            [context, menuAction, reopen](const QString &summary) {
                menuAction->setEnabled(false);
                reopen();
                context.say(summary, 20000);
            });
    connect(this, &RepairAction::repairFailed, menuAction, [this, context, reopen] {
        reopen();
        context.library().database().refuseWrites(m_damage);
    });
    if (context.library().isOpen())
        checkInBackground();
}

void RepairAction::checkInBackground()
{
    if (m_thread || m_path.isEmpty())
        return;
    m_checking = true;
    auto db = std::make_shared<Database>();
    m_checkDb = db;
    const QString path = m_path;
    m_thread = QThread::create([this, db, path] {
        bool sound = true;
        QString sentence;
        // Read-only: a check never changes the file, and needs no lock a
        // writer waits for.
        if (db->open(path, Database::OpenMode::ReadOnly)) {
            IntegrityCheck check(*db);
            sound = check.run(IntegrityCheck::Depth::Full) || !check.isDamaged();
            sentence = check.isDamaged() ? check.errorString() : QString();
            db->close();
        }
        QMetaObject::invokeMethod(
            this, [this, sound, sentence] { onChecked(sound, sentence); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("gleaner-check"));
    m_thread->start();
}

void RepairAction::onChecked(bool sound, const QString &sentence)
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_checkDb.reset();
    m_checking = false;
    m_damage = sound ? QString() : sentence;
    Q_EMIT checked(sound);
    if (!sound) {
        qCWarning(lcWindow) << sentence;
        Q_EMIT damageFound(sentence);
    }
}

void RepairAction::offerRepair()
{
    if (!m_window || !isDamaged())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("The Library Is Damaged"),
                                tr("Gleaner found damage in your library and will not change it, "
                                   "so the damage cannot spread. You can still read it."),
                                QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("damagedLibraryMessage"));
    box->setInformativeText(tr("Repair rebuilds the library from its digests and keeps every "
                               "star, tag, note and saved search that can still be read. The "
                               "damaged file is kept beside it."));
    QPushButton *repairButton = box->addButton(tr("Repair\u2026"), QMessageBox::AcceptRole);
    repairButton->setObjectName(QStringLiteral("repairButton"));
    box->addButton(tr("Not Now"), QMessageBox::RejectRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(repairButton, &QPushButton::clicked, this, &RepairAction::repair);
    box->open();
}

void RepairAction::repair()
{
    if (m_repairing || m_thread)
        return;
    m_repairing = true;
    Q_EMIT aboutToRepair();
    auto *progress =
        new QProgressDialog(tr("Repairing the library\u2026"), QString(), 0, 0, m_window);
    progress->setObjectName(QStringLiteral("repairProgress"));
    progress->setWindowTitle(tr("Repair Library"));
    progress->setMinimumDuration(0);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setWindowModality(Qt::WindowModal);
    progress->show();
    const QPointer<QProgressDialog> dialog(progress);
    const QString path = m_path;
    m_thread = QThread::create([this, path, dialog] {
        Repairer repairer(path);
        repairer.setProgressHandler([this, dialog](int done, int total) {
            QMetaObject::invokeMethod(
                this,
                [dialog, done, total] {
                    if (dialog) {
                        dialog->setMaximum(total);
                        dialog->setValue(done);
                    }
                },
                Qt::QueuedConnection);
        });
        const std::optional<RepairReport> report = repairer.run();
        const QString why = report ? QString() : repairer.errorString();
        QMetaObject::invokeMethod(
            this,
            [this, report, why, dialog] {
                if (dialog)
                    dialog->close();
                onRepaired(report, why);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("gleaner-repair"));
    m_thread->start();
}

void RepairAction::onRepaired(const std::optional<RepairReport> &report, const QString &why)
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_repairing = false;
    if (!report) {
        qCWarning(lcWindow) << "repair failed:" << why;
        if (m_window)
            QMessageBox::warning(m_window, tr("Repair Library"), why);
        Q_EMIT repairFailed(why);
        return;
    }
    m_damage.clear();
    const QString summary =
        tr("%1 The damaged file is kept at %2.").arg(report->summary(), report->damagedPath);
    Q_EMIT repaired(summary);
}

} // namespace gleaner

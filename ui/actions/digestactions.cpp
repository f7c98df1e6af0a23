#include "digestactions.h"

#include "actioncontext.h"
#include "libraryevents.h"
#include "storage/library.h"

#include <QCoreApplication>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace gleaner {

namespace {

// The context of this file's messages, declared so that lupdate files them
// under the context they are looked up in.
struct DigestActions
{
    Q_DECLARE_TR_FUNCTIONS(DigestActions)
};

// "7 January 2026", "the undated digest (file of 1 Dec 2026)".
QString digestName(const DigestInfo &digest)
{
    if (!digest.date.isValid())
        return DigestActions::tr("the undated digest");
    const QString date = QLocale().toString(digest.date);
    if (digest.certainty == DateCertainty::Undated)
        return DigestActions::tr("the undated digest (file of %1)").arg(date);
    return DigestActions::tr("the digest of %1").arg(date);
}

} // namespace

void redateDigest(const ActionContext &context, qint64 id)
{
    const std::optional<DigestInfo> digest = context.library().digest(id);
    if (!digest)
        return;
    QDialog dialog(context.window());
    dialog.setWindowTitle(DigestActions::tr("Correct Digest Date"));
    // Wide enough for its title, which a narrow dialog cuts off.
    dialog.setMinimumWidth(
        std::max(420, dialog.fontMetrics().horizontalAdvance(dialog.windowTitle()) * 2));
    auto *edit =
        new QDateEdit(digest->date.isValid() ? digest->date : QDate::currentDate(), &dialog);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    auto *label = new QLabel(
        DigestActions::tr("The date of the digest from %1:").arg(digest->source), &dialog);
    label->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(label);
    layout->addWidget(edit);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!context.library().setDigestDate(id, edit->date()))
        context.fail(context.library().errorString());
    Q_EMIT context.events().digestsChanged();
}

namespace {

// Asks before removing digests, Cancel the default; then removes them and
// says how many papers went (`done`, with %n).
void removeAfterAsking(const ActionContext &context, const QList<qint64> &ids, const QString &title,
                       const QString &question, const QString &details, const char *done)
{
    QMessageBox ask(QMessageBox::Question, title, question, QMessageBox::Cancel, context.window());
    ask.setInformativeText(details);
    const QAbstractButton *remove =
        ask.addButton(DigestActions::tr("Remove"), QMessageBox::DestructiveRole);
    ask.setDefaultButton(QMessageBox::Cancel);
    ask.exec();
    if (ask.clickedButton() != remove)
        return;
    const std::optional<int> removed = context.library().removeDigests(ids);
    if (!removed)
        context.fail(context.library().errorString());
    else
        context.say(DigestActions::tr(done, nullptr, *removed), 6000);
    Q_EMIT context.events().digestsChanged();
}

} // namespace

void removeDigest(const ActionContext &context, qint64 id)
{
    const std::optional<DigestInfo> digest = context.library().digest(id);
    if (!digest)
        return;
    removeAfterAsking(
        context, {id}, DigestActions::tr("Remove Digest"),
        DigestActions::tr("Remove %1, %n paper(s) from \u201c%2\u201d?", nullptr, digest->entries)
            .arg(digestName(*digest), QFileInfo(digest->source).fileName()),
        DigestActions::tr(
            "Papers you starred, tagged, read or annotated, and papers that appear in other "
            "digests, stay in the library. The file itself is not touched:\n%1")
            .arg(digest->source),
        QT_TRANSLATE_N_NOOP("DigestActions", "Removed the digest and %n paper(s)."));
}

void removeSampleDigests(const ActionContext &context)
{
    const QList<qint64> samples = context.library().sampleDigests();
    if (samples.isEmpty()) {
        context.say(DigestActions::tr("There are no sample digests to remove."), 4000);
        return;
    }
    removeAfterAsking(
        context, samples, DigestActions::tr("Remove Sample Digests"),
        DigestActions::tr("Remove the %n sample digest(s) and their invented papers?", nullptr,
                          int(samples.size())),
        DigestActions::tr("Sample papers you starred, tagged, read or annotated stay in the "
                          "library; your own digests are not touched."),
        QT_TRANSLATE_N_NOOP("DigestActions", "Removed the sample digests and %n paper(s)."));
}

} // namespace gleaner

#include "digestactions.h"

#include "actioncontext.h"
#include "libraryevents.h"
#include "storage/library.h"

#include <QCoreApplication>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>
#include <QVBoxLayout>

namespace gleaner {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("DigestActions", text, nullptr, n);
}

} // namespace

void redateDigest(const ActionContext &context, qint64 id)
{
    const std::optional<DigestInfo> digest = context.library().digest(id);
    if (!digest)
        return;
    QDialog dialog(context.window());
    dialog.setWindowTitle(tr("Correct Digest Date"));
    auto *edit =
        new QDateEdit(digest->date.isValid() ? digest->date : QDate::currentDate(), &dialog);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    auto *label = new QLabel(tr("The date of the digest from %1:").arg(digest->source), &dialog);
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

void removeDigest(const ActionContext &context, qint64 id)
{
    const std::optional<DigestInfo> digest = context.library().digest(id);
    if (!digest)
        return;
    const QString when =
        digest->date.isValid() ? QLocale().toString(digest->date) : tr("the undated digest");
    if (QMessageBox::question(
            context.window(), tr("Remove Digest"),
            tr("Remove the digest of %1 (%2 papers)? Papers you starred, tagged, read or "
               "annotated, and papers that appear in other digests, stay in the library.")
                .arg(when)
                .arg(digest->entries),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    const std::optional<int> removed = context.library().removeDigest(id);
    if (!removed)
        context.fail(context.library().errorString());
    else
        context.say(tr("Removed the digest and %n paper(s).", *removed), 6000);
    Q_EMIT context.events().digestsChanged();
}

} // namespace gleaner

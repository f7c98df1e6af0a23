#include "triageactions.h"

#include "actioncontext.h"
#include "annotator.h"
#include "storage/library.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMainWindow>
#include <QMessageBox>

namespace gleaner {

namespace {

// A list this long is more than a day's digest: ask before marking it.
constexpr qsizetype kConfirmAbove = 2000;

// The context of this file's messages, declared so that lupdate files them
// under the context they are looked up in.
struct TriageActions
{
    Q_DECLARE_TR_FUNCTIONS(TriageActions)
};

} // namespace

void markAllRead(const ActionContext &context, Annotator &annotator, const QList<qint64> &ids,
                 const QString &listLabel)
{
    if (ids.isEmpty())
        return;
    if (ids.size() > kConfirmAbove &&
        QMessageBox::question(
            context.window(), TriageActions::tr("Mark All Read"),
            TriageActions::tr("Mark all %1 papers of %2 read? Edit \u203a Undo puts them back.")
                .arg(QLocale().toString(ids.size()), listLabel),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    const int before = annotator.history()->count();
    if (!annotator.setRead(ids, true)) {
        context.fail(annotator.errorString());
        return;
    }
    if (annotator.history()->count() == before) {
        context.say(TriageActions::tr("Every paper of %1 was read already.").arg(listLabel), 4000);
        return;
    }
    context.say(
        TriageActions::tr("%1 \u2014 Ctrl+Z undoes it.").arg(annotator.history()->undoText()),
        8000);
}

void markDigestRead(const ActionContext &context, Annotator &annotator, qint64 digestId)
{
    const std::optional<QList<qint64>> ids = context.library().digestPapers(digestId);
    if (!ids) {
        context.fail(context.library().errorString());
        return;
    }
    const std::optional<DigestInfo> digest = context.library().digest(digestId);
    const QString label = digest && digest->date.isValid()
                              ? QLocale().toString(digest->date, QLocale::ShortFormat)
                              : TriageActions::tr("the digest");
    markAllRead(context, annotator, *ids, label);
}

TriageProgress::TriageProgress(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("triageProgress"));
    setVisible(false);
}

void TriageProgress::follow(Library &library, qint64 digestId)
{
    m_digestId = digestId;
    refresh(library);
}

void TriageProgress::refresh(Library &library)
{
    const std::optional<DigestInfo> digest =
        m_digestId > 0 ? library.digest(m_digestId) : std::nullopt;
    setVisible(digest.has_value());
    if (!digest)
        return;
    const bool done = digest->entries > 0 && digest->triaged >= digest->entries;
    setText(done ? tr("All %1 triaged \u2713").arg(digest->entries)
                 : tr("%1 of %2 triaged").arg(digest->triaged).arg(digest->entries));
    setToolTip(tr("Papers of this digest you have read, starred, tagged or marked not interested"));
}

} // namespace gleaner

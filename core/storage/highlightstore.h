// Highlights (model/highlight.h): the one place that reads and writes the
// highlights table. Works on any connection and inside the caller's
// transaction (an import's, a restore's, the facade's own).
//
// A new highlight is checked against the paper's text as stored: its range
// must lie in the field and its quote be what is there. A highlight from
// elsewhere (a backup, waiting reader data, a salvaged file) was anchored to
// another copy of the text, so restore() anchors it to this one first, and
// keeps it detached when its passage is not found. When the importer
// changes a paper's text, reanchor() moves its highlights with it.
#pragma once

#include "model/highlight.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace gleaner {

class Database;

class HighlightStore final
{
    Q_DECLARE_TR_FUNCTIONS(HighlightStore)

public:
    explicit HighlightStore(Database &db);

    // The paper's highlights in reading order: the title's, then the
    // abstract's, each by offset; the detached ones last.
    [[nodiscard]] std::optional<QList<Highlight>> ofPaper(qint64 paperId);
    [[nodiscard]] std::optional<Highlight> highlight(qint64 id);

    // Adds `highlight` (its paperId, field, range, colour, comment) to the
    // paper: the quote and context are taken from the paper's text. Its id.
    // Refused with a sentence for an unknown paper or colour, or a range
    // outside the field's text.
    [[nodiscard]] std::optional<qint64> add(const Highlight &highlight);
    // A new colour and comment for the highlight with that id.
    [[nodiscard]] bool update(qint64 id, const QString &colour, const QString &comment);
    [[nodiscard]] bool remove(qint64 id);

    // Merges highlights from elsewhere into the paper's: each is anchored to
    // the paper's text (kept detached when its passage is gone), and one the
    // paper already has (the same field, quote and start, before or after
    // anchoring) is skipped. How many were added.
    [[nodiscard]] std::optional<int> restore(qint64 paperId, const QList<Highlight> &highlights);
    // Anchors the paper's highlights to its text as it is now.
    [[nodiscard]] bool reanchor(qint64 paperId);

    QString errorString() const { return m_error; }

private:
    bool fail(const QString &why);
    bool failDb(const QString &what);
    std::optional<QString> fieldText(qint64 paperId, HighlightField field);
    bool insert(const Highlight &h);

    Database &m_db;
    QString m_error;
};

} // namespace gleaner

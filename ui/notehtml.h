// The reader's rendering of a note: the plain text the note editor keeps,
// read as Markdown (GitHub's dialect, by the md4c parser inside Qt's
// QTextDocument, raw HTML off) and written out again by us from the parsed
// document with a short list of elements, so nothing the note holds can
// become markup of its own. $...$ and $$...$$ are found before Markdown sees
// the text (the rules of the HTML export, escape::mathPieces) and become
// spans for KaTeX; links open only for http(s) and for [[title words]]
// that name a paper in the library.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

namespace gleaner {

// The paper a [[link]] leads to.
struct PaperRef
{
    qint64 id = 0;
    QString title;
    // How many other papers the link's words would name as well: the link
    // is the best of them, not the one its words spell.
    int others = 0;
};
using NoteLinkResolver = std::function<std::optional<PaperRef>(const QString &words)>;

// gleaner://reader/paper/ID: a resolved [[link]]. The reader pane opens the
// paper; only our own rendering writes these.
inline constexpr char kPaperLinkPrefix[] = "gleaner://reader/paper/";

class NoteHtml final
{
    Q_DECLARE_TR_FUNCTIONS(gleaner::NoteHtml)

public:
    // The note's HTML; empty for a blank note. `resolve` may be empty: every
    // [[link]] is then unresolved.
    static QString render(const QString &note, const NoteLinkResolver &resolve = {});
};

} // namespace gleaner

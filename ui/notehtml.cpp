#include "notehtml.h"

#include "export/escaping.h"
#include "model/notelinks.h"
#include "model/titletext.h"
#include "storage/library.h"

#include <QFontDatabase>
#include <QHash>
#include <QLocale>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>
#include <QUrl>

#include <vector>

namespace gleaner {

namespace {

// Formulas and [[links]] are taken out before Markdown parses the text and
// stand in it as one private-use character each, so the parser can neither
// mangle their backslashes and underscores nor see their brackets.
constexpr char16_t kFirstPlaceholder = 0xE000;
constexpr char16_t kLastPrivateUse = 0xF8FF;

struct Token
{
    bool link = false;
    QString original; // as written, delimiters and brackets included
    QString words;    // of a link
};

// A document that never loads anything: an image in a note names a URL or a
// file, and neither is fetched (nor read) to show it.
class InertDocument final : public QTextDocument
{
protected:
    QVariant loadResource(int, const QUrl &) override { return {}; }
};

bool isPlaceholder(QChar c, qsizetype tokens)
{
    return c.unicode() >= kFirstPlaceholder && c.unicode() < kFirstPlaceholder + tokens;
}

// http(s) with a host only, written encoded so no quote or space is left.
QString safeHref(const QString &href)
{
    const QUrl url(href.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    return QString::fromUtf8(url.toEncoded(QUrl::FullyEncoded));
}

class Writer
{
public:
    Writer(std::vector<Token> tokens, const NoteLinkResolver &resolve)
        : m_tokens(std::move(tokens))
        , m_resolve(resolve)
        , m_fixedFamily(QFontDatabase::systemFont(QFontDatabase::FixedFont).family())
    {}

    QString write(const QTextDocument &doc)
    {
        writeFrame(doc.rootFrame());
        closeAll();
        return m_out;
    }

private:
    // The text as written, placeholders put back: for code.
    QString restored(const QString &text) const
    {
        QString out;
        for (const QChar c : text) {
            if (isPlaceholder(c, qsizetype(m_tokens.size())))
                out += m_tokens.at(c.unicode() - kFirstPlaceholder).original;
            else
                out += c;
        }
        return out;
    }

    QString linkHtml(const Token &token, bool insideLink)
    {
        std::optional<PaperRef> target;
        if (m_resolve) {
            auto it = m_resolved.find(token.words);
            if (it == m_resolved.end())
                it = m_resolved.insert(token.words, m_resolve(token.words));
            target = *it;
        }
        const QString words = escape::html(token.words);
        if (insideLink)
            return words;
        if (!target)
            return QStringLiteral("<span class=\"paper-link unresolved\" title=\"") +
                   escape::html(NoteHtml::tr("No paper matches")) + QStringLiteral("\">") + words +
                   QStringLiteral("</span>");
        QString tip = plainTitle(target->title);
        if (target->others >= Library::kNoteLinkOthersCounted)
            tip = NoteHtml::tr("%1 (the best of more than %2 papers with these words in their "
                               "titles; write more of the title to pick another)")
                      .arg(tip, QLocale().toString(Library::kNoteLinkOthersCounted));
        else if (target->others > 0)
            tip = NoteHtml::tr("%1 (the best of %n papers with these words in their titles; "
                               "write more of the title to pick another)",
                               nullptr, target->others + 1)
                      .arg(tip);
        return QStringLiteral("<a class=\"paper-link") +
               (target->others > 0 ? QStringLiteral(" ambiguous") : QString()) +
               QStringLiteral("\" href=\"") + QLatin1String(kPaperLinkPrefix) +
               QString::number(target->id) + QStringLiteral("\" title=\"") + escape::html(tip) +
               QStringLiteral("\">") + words + QStringLiteral("</a>");
    }

    // Escaped text with formulas as math spans, links as links and line
    // separators as breaks.
    QString expanded(const QString &text, bool insideLink)
    {
        QString out;
        QString run;
        const auto flush = [&] {
            out += escape::html(run);
            run.clear();
        };
        for (const QChar c : text) {
            if (isPlaceholder(c, qsizetype(m_tokens.size()))) {
                flush();
                const Token &token = m_tokens.at(c.unicode() - kFirstPlaceholder);
                out += token.link ? linkHtml(token, insideLink) : escape::mathSpan(token.original);
            } else if (c == QChar::LineSeparator || c == QChar::ParagraphSeparator) {
                flush();
                out += QStringLiteral("<br>");
            } else if (c == QChar::ObjectReplacementCharacter) {
                continue;
            } else {
                run += c;
            }
        }
        flush();
        return out;
    }

    bool isCodeFont(const QTextCharFormat &format) const
    {
        const QStringList families = format.fontFamilies().toStringList();
        return format.fontFixedPitch() || families.contains(QLatin1String("monospace")) ||
               (!m_fixedFamily.isEmpty() && families.contains(m_fixedFamily));
    }

    // A fenced block says so; an indented one only by its font.
    bool isCodeBlock(const QTextBlock &block) const
    {
        const QTextBlockFormat format = block.blockFormat();
        if (format.nonBreakableLines() || format.hasProperty(QTextFormat::BlockCodeFence))
            return true;
        bool any = false;
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat cf = it.fragment().charFormat();
            if (cf.fontFixedPitch() || !isCodeFont(cf))
                return false;
            any = true;
        }
        return any;
    }

    QString inlineHtml(const QTextBlock &block, bool boldAlready)
    {
        QString out;
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat cf = fragment.charFormat();
            if (cf.isImageFormat()) {
                // An image is never shown (it would be a request): its address is.
                const QString name = restored(cf.toImageFormat().name());
                const QString href = safeHref(name);
                out += href.isEmpty() ? escape::html(name)
                                      : QStringLiteral("<a href=\"") + escape::html(href) +
                                            QStringLiteral("\">") + escape::html(name) +
                                            QStringLiteral("</a>");
                continue;
            }
            const QString href = cf.isAnchor() ? safeHref(restored(cf.anchorHref())) : QString();
            QString html;
            if (isCodeFont(cf)) {
                html = QStringLiteral("<code>") + escape::html(restored(fragment.text())) +
                       QStringLiteral("</code>");
            } else {
                html = expanded(fragment.text(), !href.isEmpty());
            }
            if (cf.fontStrikeOut())
                html = QStringLiteral("<s>") + html + QStringLiteral("</s>");
            // md4c's _underscores_ come as underline; Markdown means emphasis.
            if (cf.fontItalic() || cf.fontUnderline())
                html = QStringLiteral("<em>") + html + QStringLiteral("</em>");
            if (!boldAlready && cf.fontWeight() >= QFont::DemiBold)
                html = QStringLiteral("<strong>") + html + QStringLiteral("</strong>");
            if (!href.isEmpty())
                html = QStringLiteral("<a href=\"") + escape::html(href) + QStringLiteral("\">") +
                       html + QStringLiteral("</a>");
            out += html;
        }
        return out;
    }

    void closePre()
    {
        if (m_pre)
            m_out += QStringLiteral("</code></pre>");
        m_pre = false;
    }

    void closeLists(qsizetype depth = 0)
    {
        while (qsizetype(m_lists.size()) > depth) {
            const OpenList &top = m_lists.back();
            if (top.itemOpen)
                m_out += QStringLiteral("</li>");
            m_out += top.ordered ? QStringLiteral("</ol>") : QStringLiteral("</ul>");
            m_lists.pop_back();
        }
    }

    void setQuoteLevel(int level)
    {
        level = qBound(0, level, 8);
        if (level == m_quotes)
            return;
        closePre();
        closeLists();
        for (; m_quotes < level; ++m_quotes)
            m_out += QStringLiteral("<blockquote>");
        for (; m_quotes > level; --m_quotes)
            m_out += QStringLiteral("</blockquote>");
    }

    void closeAll()
    {
        closePre();
        closeLists();
        setQuoteLevel(0);
    }

    void openItem(const QTextBlock &block)
    {
        const QTextList *list = block.textList();
        const qsizetype depth = qBound(1, list->format().indent(), 8);
        closeLists(depth);
        if (qsizetype(m_lists.size()) == depth && m_lists.back().list != list)
            closeLists(depth - 1);
        while (qsizetype(m_lists.size()) < depth) {
            const bool last = qsizetype(m_lists.size()) + 1 == depth;
            const int style = list->format().style();
            const bool ordered = last && style <= QTextListFormat::ListDecimal &&
                                 style >= QTextListFormat::ListUpperRoman;
            m_out += ordered ? QStringLiteral("<ol>") : QStringLiteral("<ul>");
            m_lists.push_back({last ? list : nullptr, ordered, false});
        }
        OpenList &top = m_lists.back();
        if (top.itemOpen)
            m_out += QStringLiteral("</li>");
        top.itemOpen = true;
        m_out += QStringLiteral("<li>");
        switch (block.blockFormat().marker()) {
        case QTextBlockFormat::MarkerType::Checked:
            m_out += QStringLiteral("<span class=\"task done\">\u2611</span> ");
            break;
        case QTextBlockFormat::MarkerType::Unchecked:
            m_out += QStringLiteral("<span class=\"task\">\u2610</span> ");
            break;
        default:
            break;
        }
    }

    void writeBlock(const QTextBlock &block)
    {
        const QTextBlockFormat format = block.blockFormat();
        setQuoteLevel(format.intProperty(QTextFormat::BlockQuoteLevel));
        if (isCodeBlock(block)) {
            closeLists();
            m_out += m_pre ? QStringLiteral("\n") : QStringLiteral("<pre><code>");
            m_pre = true;
            m_out += escape::html(restored(block.text()));
            return;
        }
        closePre();
        if (format.hasProperty(QTextFormat::BlockTrailingHorizontalRulerWidth)) {
            closeLists();
            m_out += QStringLiteral("<hr>");
            return;
        }
        if (block.textList()) {
            openItem(block);
            m_out += inlineHtml(block, false);
            return;
        }
        closeLists();
        if (block.text().trimmed().isEmpty())
            return;
        if (const int level = format.headingLevel(); level > 0) {
            // Below the section's own heading: a note's # is an h3.
            const QString tag = QStringLiteral("h%1").arg(qMin(level + 2, 6));
            m_out +=
                u'<' + tag + u'>' + inlineHtml(block, true) + QStringLiteral("</") + tag + u'>';
            return;
        }
        m_out += QStringLiteral("<p>") + inlineHtml(block, false) + QStringLiteral("</p>");
    }

    // A header cell is bold already; Qt says so of some of them.
    QString cellHtml(const QTextTableCell &cell, bool header)
    {
        QStringList parts;
        for (auto it = cell.begin(); !it.atEnd(); ++it) {
            const QTextBlock block = it.currentBlock();
            if (block.isValid() && !block.text().trimmed().isEmpty())
                parts << inlineHtml(block, header);
        }
        return parts.join(u' ');
    }

    void writeTable(QTextTable *table)
    {
        closePre();
        closeLists();
        m_out += QStringLiteral("<table>");
        for (int row = 0; row < table->rows(); ++row) {
            // GitHub's tables always have a header row.
            const QString cellTag = row == 0 ? QStringLiteral("th") : QStringLiteral("td");
            m_out += row == 0 ? QStringLiteral("<thead><tr>") : QStringLiteral("<tr>");
            for (int column = 0; column < table->columns(); ++column)
                m_out += u'<' + cellTag + u'>' + cellHtml(table->cellAt(row, column), row == 0) +
                         QStringLiteral("</") + cellTag + u'>';
            m_out += row == 0 ? QStringLiteral("</tr></thead><tbody>") : QStringLiteral("</tr>");
        }
        m_out +=
            table->rows() > 0 ? QStringLiteral("</tbody></table>") : QStringLiteral("</table>");
    }

    void writeFrame(QTextFrame *frame)
    {
        for (auto it = frame->begin(); !it.atEnd(); ++it) {
            if (QTextFrame *child = it.currentFrame()) {
                if (auto *table = qobject_cast<QTextTable *>(child))
                    writeTable(table);
                else
                    writeFrame(child);
            } else {
                writeBlock(it.currentBlock());
            }
        }
    }

    struct OpenList
    {
        const QTextList *list = nullptr;
        bool ordered = false;
        bool itemOpen = false;
    };

    std::vector<Token> m_tokens;
    const NoteLinkResolver &m_resolve;
    QHash<QString, std::optional<PaperRef>> m_resolved;
    QString m_fixedFamily;
    QString m_out;
    std::vector<OpenList> m_lists;
    int m_quotes = 0;
    bool m_pre = false;
};

} // namespace

QString NoteHtml::render(const QString &note, const NoteLinkResolver &resolve)
{
    if (note.trimmed().isEmpty())
        return {};
    QString text = note;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    // The placeholders' characters cannot come from the note itself.
    for (QChar &c : text) {
        if ((c.unicode() >= kFirstPlaceholder && c.unicode() <= kLastPrivateUse) ||
            c == QChar::ObjectReplacementCharacter || c.isNull())
            c = QChar::ReplacementCharacter;
    }
    constexpr qsizetype kMaxTokens = kLastPrivateUse - kFirstPlaceholder + 1;
    std::vector<Token> tokens;
    const auto placeholder = [&tokens] {
        return QChar(char16_t(kFirstPlaceholder + tokens.size()));
    };
    text = replaceNoteLinks(text, [&](const NoteLink &link) {
        const QString original = text.mid(link.start, link.length);
        if (qsizetype(tokens.size()) >= kMaxTokens)
            return original;
        const QChar c = placeholder();
        tokens.push_back({true, original, link.words});
        return QString(c);
    });
    QString prepared;
    for (const escape::TextPiece &piece : escape::mathPieces(text)) {
        if (!piece.math || qsizetype(tokens.size()) >= kMaxTokens) {
            prepared += piece.text;
            continue;
        }
        prepared += placeholder();
        tokens.push_back({false, piece.text, {}});
    }

    InertDocument doc;
    doc.setMarkdown(prepared, QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub |
                                                              QTextDocument::MarkdownNoHTML));
    return Writer(std::move(tokens), resolve).write(doc);
}

} // namespace gleaner

#include "catch.h"
#include "model/notelinks.h"

using namespace gleaner;

TEST_CASE("Note links are [[words]] on one line, outside code", "[notelinks]")
{
    const QString note = QStringLiteral("See [[Tidal Attention]] and [[ sparse  autoencoders ]].\n"
                                        "`[[code]]` and ``a [[b]] c`` are code, \\[[escaped]]?\n"
                                        "```\n[[fenced]]\n```\n"
                                        "[[]] [[ ]] [[a\nb]] [[x [y] z]] [[[[nested]]]] [[last]]");
    const QList<NoteLink> links = noteLinks(note);
    QStringList words;
    for (const NoteLink &l : links)
        words << l.words;
    CHECK(words == QStringList{QStringLiteral("Tidal Attention"),
                               QStringLiteral("sparse  autoencoders"), QStringLiteral("nested"),
                               QStringLiteral("last")});
    CHECK(note.mid(links.first().start, links.first().length) ==
          QStringLiteral("[[Tidal Attention]]"));
    CHECK(noteLinkWords(QStringLiteral("Tidal-Attention: Routing, Ünïcode")) ==
          QStringList{QStringLiteral("tidal"), QStringLiteral("attention"),
                      QStringLiteral("routing"), QStringLiteral("ünïcode")});
    const auto bracketed = [](const NoteLink &l) {
        QString out = l.words;
        out.prepend(u'<').append(u'>');
        return out;
    };
    CHECK(replaceNoteLinks(QStringLiteral("a [[b c]] d [[e]]"), bracketed) ==
          QStringLiteral("a <b c> d <e>"));
}

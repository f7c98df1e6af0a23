// The English catalogue, translations/gleaner_en.ts, and what the programs
// make of it: every %n message has its English plural forms, finished, and
// the catalogue compiled into gleaner-core gives them in every locale.
#include "catch.h"
#include "translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace gleaner;

namespace {

struct Message
{
    QByteArray context;
    QByteArray source;
    QByteArray comment;
    bool numerus = false;
    QString type; // of the translation: empty when finished
    QStringList forms;

    std::string name() const { return QByteArray(context + " / " + source).toStdString(); }
};

// The messages of a .ts file, as lupdate wrote them.
QList<Message> readCatalogue(const QString &path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QList<Message> messages;
    QByteArray context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == u"message") {
            messages << message;
            continue;
        }
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText().toUtf8();
        } else if (xml.name() == u"message") {
            message = Message();
            message.context = context;
            message.numerus = xml.attributes().value(QLatin1String("numerus")) == u"yes";
        } else if (xml.name() == u"source") {
            message.source = xml.readElementText().toUtf8();
        } else if (xml.name() == u"comment") {
            message.comment = xml.readElementText().toUtf8();
        } else if (xml.name() == u"translation") {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
        } else if (xml.name() == u"numerusform") {
            message.forms << xml.readElementText();
        }
    }
    INFO(xml.errorString().toStdString());
    REQUIRE_FALSE(xml.hasError());
    return messages;
}

QList<Message> numerusMessages()
{
    QList<Message> numerus;
    for (const Message &m :
         readCatalogue(QStringLiteral(GLEANER_SOURCE_DIR "/translations/gleaner_en.ts")))
        if (m.numerus)
            numerus << m;
    return numerus;
}

// A count's place in a message: %n, or %Ln for the locale's digit grouping.
bool hasCount(const QString &text)
{
    return text.contains(QStringLiteral("%n")) || text.contains(QStringLiteral("%Ln"));
}

// What QCoreApplication::translate makes of a form for a small n.
QString withCount(QString form, int n)
{
    return form.replace(QStringLiteral("%Ln"), QLocale().toString(n))
        .replace(QStringLiteral("%n"), QString::number(n));
}

} // namespace

TEST_CASE("Every %n message of the English catalogue has its plural forms", "[i18n]")
{
    const QList<Message> messages =
        readCatalogue(QStringLiteral(GLEANER_SOURCE_DIR "/translations/gleaner_en.ts"));
    int numerus = 0;
    for (const Message &m : messages) {
        INFO(m.name());
        // A %n that lupdate did not take for one (tr() without its count,
        // or a helper it cannot see through) would show "%n" in the window.
        CHECK(m.numerus == hasCount(QString::fromUtf8(m.source)));
        if (!m.numerus)
            continue;
        ++numerus;
        // Finished: lrelease -nounfinished leaves out the rest, and a
        // vanished or obsolete message is one the sources no longer have.
        CHECK(m.type.isEmpty());
        REQUIRE(m.forms.size() == 2); // English: one, and every other count
        CHECK_FALSE(m.forms.at(0).isEmpty());
        CHECK(hasCount(m.forms.at(1)));
        for (const QString &form : m.forms)
            CHECK_FALSE(form.contains(QStringLiteral("(s)")));
    }
    CHECK(numerus > 0);
}

TEST_CASE("The compiled English catalogue gives the plural forms in every locale", "[i18n]")
{
    const QList<Message> messages = numerusMessages();
    REQUIRE_FALSE(messages.isEmpty());
    const QLocale locale = GENERATE(
        QLocale(QLocale::C), QLocale(QLocale::English, QLocale::UnitedStates),
        QLocale(QLocale::German, QLocale::Germany), QLocale(QLocale::Polish, QLocale::Poland),
        QLocale(QLocale::Japanese, QLocale::Japan));
    INFO(locale.name().toStdString());
    const std::vector<std::unique_ptr<QTranslator>> translators = loadTranslations(locale);
    REQUIRE_FALSE(translators.empty());
    CHECK(translators.front()->filePath() == QStringLiteral(":/i18n/gleaner_en.qm"));
    // Gleaner has no catalogue of its own for these languages yet; what
    // else loads is Qt's, where the system has it.
    for (std::size_t i = 1; i < translators.size(); ++i)
        CHECK(translators.at(i)->filePath().contains(QStringLiteral("qtbase_")));
    const QTranslator &english = *translators.front();
    for (const Message &m : messages) {
        INFO(m.name());
        const char *comment = m.comment.isEmpty() ? nullptr : m.comment.constData();
        // Polish has three forms and Japanese one: the English catalogue's
        // own rule (one, or other) decides, whatever the locale.
        CHECK(english.translate(m.context.constData(), m.source.constData(), comment, 1) ==
              m.forms.at(0));
        for (const int n : {0, 2, 3, 5, 21, 1000})
            CHECK(english.translate(m.context.constData(), m.source.constData(), comment, n) ==
                  m.forms.at(1));
    }
}

TEST_CASE("The programs' translators give each %n message its count", "[i18n]")
{
    // tests/support/main.cpp installs them as app/main.cpp does.
    for (const Message &m : numerusMessages()) {
        INFO(m.name());
        const char *comment = m.comment.isEmpty() ? nullptr : m.comment.constData();
        CHECK(QCoreApplication::translate(m.context.constData(), m.source.constData(), comment,
                                          1) == withCount(m.forms.at(0), 1));
        CHECK(QCoreApplication::translate(m.context.constData(), m.source.constData(), comment,
                                          3) == withCount(m.forms.at(1), 3));
    }
    CHECK(QCoreApplication::translate("ExportActions", "Copied %n paper(s) as %1.", nullptr, 3) ==
          QStringLiteral("Copied 3 papers as %1."));
}

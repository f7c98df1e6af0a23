#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace gleaner {

std::vector<std::unique_ptr<QTranslator>> loadTranslations(const QLocale &locale)
{
    // Where translations/CMakeLists.txt puts Gleaner's catalogues.
    const QString dir = QStringLiteral(":/i18n");
    const QString name = QStringLiteral("gleaner");

    std::vector<std::unique_ptr<QTranslator>> loaded;
    const auto load = [&loaded](const auto &loadInto) {
        auto translator = std::make_unique<QTranslator>();
        if (!loadInto(*translator))
            return;
        for (const std::unique_ptr<QTranslator> &other : loaded)
            if (other->filePath() == translator->filePath())
                return; // an English locale: gleaner_en again
        loaded.push_back(std::move(translator));
    };
    load([&](QTranslator &t) { return t.load(name + QStringLiteral("_en"), dir); });
    load([&](QTranslator &t) { return t.load(locale, name, QStringLiteral("_"), dir); });
    load([&](QTranslator &t) {
        return t.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    });
    return loaded;
}

QStringList installTranslations(QCoreApplication &app, const QLocale &locale)
{
    QStringList files;
    for (std::unique_ptr<QTranslator> &translator : loadTranslations(locale)) {
        files << translator->filePath();
        translator->setParent(&app);
        QCoreApplication::installTranslator(translator.release());
    }
    return files;
}

} // namespace gleaner

// The translation catalogues every Gleaner program installs at start.
#pragma once

#include <QLocale>
#include <QStringList>

#include <memory>
#include <vector>

class QCoreApplication;
class QTranslator;

namespace gleaner {

// The catalogues for `locale`, loaded, in the order they are installed:
// - Gleaner's English catalogue (gleaner_en, compiled in under :/i18n). It
//   gives each %n message its English plural forms ("1 paper", "3 papers")
//   in every locale, and is what a message falls back to where the locale's
//   own catalogue lacks it.
// - Gleaner's catalogue for the language of `locale`, where there is one.
// - Qt's own messages (qtbase: dialog buttons, command-line errors) in that
//   language, where the system has them (QLibraryInfo::TranslationsPath).
std::vector<std::unique_ptr<QTranslator>> loadTranslations(const QLocale &locale);

// Installs those on `app`, which keeps them for its life. Call it once,
// right after the application object is made. Returns the file of each
// catalogue installed, in that order.
QStringList installTranslations(QCoreApplication &app, const QLocale &locale = QLocale::system());

} // namespace gleaner

// Shared by the libFuzzer targets: the Qt application object they need once,
// and the one way a target reports a broken promise (an abort, which
// libFuzzer and the replay driver both treat as a finding).
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);

namespace gleaner::fuzz {

// Created once per process; QCoreApplication keeps a reference to argc.
inline void ensureApplication()
{
    static int argc = 1;
    static char name[] = "gleaner-fuzz";
    static char *argv[] = {name, nullptr};
    if (!QCoreApplication::instance())
        new QCoreApplication(argc, argv);
}

inline QByteArray fixture(const char *relativePath)
{
    QFile file(QStringLiteral(GLEANER_FUZZ_DATA_DIR "/") + QString::fromUtf8(relativePath));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "fuzz: cannot read fixture %s\n", relativePath);
        std::abort();
    }
    return file.readAll();
}

// Control characters (a NUL above all) shown as \xNN, so the report shows
// the input that failed rather than stopping at its first NUL.
inline QByteArray printable(const QString &text)
{
    QByteArray out;
    for (const char c : text.toUtf8()) {
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f)
            out += "\\x" +
                   QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
        else
            out += c;
    }
    return out;
}

[[noreturn]] inline void fail(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "fuzz finding: %s\n%s\n", what, printable(detail).constData());
    std::abort();
}

inline void check(bool condition, const char *what, const QString &detail = {})
{
    if (!condition)
        fail(what, detail);
}

} // namespace gleaner::fuzz

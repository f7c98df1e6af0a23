// Runs a fuzz target's inputs once each, without libFuzzer, so that every
// build (gcc, the asan preset, the Debian 13 lane) replays the regression and
// seed corpora as a plain test. Arguments are files or folders (their files,
// recursively, in name order); a target aborts on a finding.
#include "fuzzsupport.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>

int main(int argc, char *argv[])
{
    LLVMFuzzerInitialize(&argc, &argv);
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        const QFileInfo info(arg);
        if (info.isDir()) {
            QStringList found;
            QDirIterator it(arg, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                found << it.next();
            std::sort(found.begin(), found.end());
            files << found;
        } else if (info.isFile()) {
            files << arg;
        } else {
            std::fprintf(stderr, "replay: no such file or folder: %s\n", argv[i]);
            return 2;
        }
    }
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "replay: cannot read %s\n", qPrintable(path));
            return 2;
        }
        const QByteArray data = file.readAll();
        // libFuzzer prints the input it crashed on; say which one it was here too.
        std::fprintf(stderr, "replay: %s\n", qPrintable(path));
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.constData()),
                               size_t(data.size()));
    }
    std::printf("replayed %lld inputs\n", static_cast<long long>(files.size()));
    return files.isEmpty() ? 1 : 0;
}

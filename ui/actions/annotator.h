// Stars, read marks, tags and notes written from the window. Each edit goes
// to the library in one transaction, and then is announced on LibraryEvents
// with the papers it touched and how it moved the sidebar's counts, worked
// out from the papers' state before the edit: the views update a row and a
// few numbers instead of reading the library again.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class QObject;

namespace gleaner {

class AnnotationPane;
class Library;
class LibraryEvents;
struct Paper;

class Annotator final
{
    Q_DECLARE_TR_FUNCTIONS(Annotator)

public:
    Annotator(Library &library, LibraryEvents &events);
    Q_DISABLE_COPY_MOVE(Annotator)

    [[nodiscard]] bool setStarred(const QList<qint64> &ids, bool starred);
    [[nodiscard]] bool setRead(const QList<qint64> &ids, bool read);
    // Several papers: starred (read) unless all of them are already.
    [[nodiscard]] bool toggleStarred(const QList<qint64> &ids);
    [[nodiscard]] bool toggleRead(const QList<qint64> &ids);
    [[nodiscard]] bool addTag(const QList<qint64> &ids, const QString &tag);
    [[nodiscard]] bool removeTag(const QList<qint64> &ids, const QString &tag);
    // Removes the tag when every paper has it, adds it otherwise: true when
    // it was added, false when removed; nullopt on failure.
    [[nodiscard]] std::optional<bool> toggleTag(const QList<qint64> &ids, const QString &tag);
    [[nodiscard]] bool setNote(qint64 id, const QString &text);

    QString errorString() const { return m_error; }

    // The pane's edits (star, read, tags, note) go straight to the library;
    // `done` hears whether each worked. Connections live as long as `receiver`.
    void follow(AnnotationPane *pane, QObject *receiver, std::function<void(bool ok)> done);

private:
    enum class Edit
    {
        Star,
        Read,
        AddTag,
        RemoveTag,
        Note
    };
    [[nodiscard]] bool edit(const QList<qint64> &ids, Edit edit, bool on, const QString &text);
    [[nodiscard]] bool write(const QList<qint64> &ids, Edit edit, bool on, const QString &text);

    Library &m_library;
    LibraryEvents &m_events;
    QString m_error;
};

} // namespace gleaner

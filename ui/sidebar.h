// The sidebar: library views (All papers, Unread, Starred, Reading queue,
// With notes, Recently read), digests by date with unread counts, tags with counts and
// saved searches, and rules with what each matched last. It shows what the library holds and says
// which view the user picked; changes (rename a tag, remove a digest...) are requested from its
// owner through signals, never done here.
#pragma once

#include "model/libraryinfo.h"
#include "model/rule.h"
#include "search/searchquery.h"

#include <QHash>
#include <QTreeView>

class QStandardItem;
class QStandardItemModel;

namespace gleaner {

class Library;
struct CountDelta;

struct SidebarView
{
    enum class Kind
    {
        Library,
        Digest,
        Tag,
        SavedSearch,
        Rule
    };
    Kind kind = Kind::Library;
    QString key;   // stable identity for remembering the selection
    QString label; // for the window title and the search field's placeholder
    QString query; // base query the search field's text is added to
    SortOrder sort = SortOrder::Relevance;
    qint64 digestId = 0;
    qint64 savedSearchId = 0;
    QString tag;
    bool sample = false; // a sample digest (Try Sample Digests)
    qint64 ruleId = 0;
};

class Sidebar final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sidebar)

public:
    explicit Sidebar(QWidget *parent = nullptr);

    // Rebuilds from the library, keeping the selected view when it still exists.
    void reload(Library &library);
    // The same for one section. A view that is gone leaves All papers
    // selected, without viewSelected() (the owner asks currentView()).
    void setCounts(const LibraryStats &stats);
    void setDigests(const QList<DigestInfo> &digests);
    // Whether the digests shown include a sample (Try Sample Digests).
    bool hasSampleDigests() const { return m_hasSamples; }
    void setTags(const QList<TagCount> &tags);
    void setSavedSearches(const QList<SavedSearch> &searches);
    // Rules under the saved searches, each with the papers it matched when it last ran.
    void setRules(const QList<Rule> &rules);
    // Moves the counts by what an edit changed, without asking the library.
    // False when that cannot be done because a tag came or went: the owner
    // then calls setTags().
    [[nodiscard]] bool adjustCounts(const CountDelta &delta);
    // The tags shown, with their counts, by name.
    QList<TagCount> tags() const;
    // The tags shown, most used first (the quick tags 1 to 9).
    QStringList mostUsedTags() const;
    SidebarView currentView() const;
    // Selects the view with this key (see SidebarView::key); false if absent.
    bool selectView(const QString &key);
    // Selects the digest `step` places down the list (newest first: +1 is
    // the older one) from the current digest, or the newest one when the
    // view is not a digest; false when there is none there.
    bool selectAdjacentDigest(int step);

    static SidebarView allPapers();

Q_SIGNALS:
    void viewSelected(const gleaner::SidebarView &view);
    void tagRenameRequested(const QString &tag);
    void tagMergeRequested(const QString &tag);
    void tagDeleteRequested(const QString &tag);
    void savedSearchRenameRequested(qint64 id, const QString &name);
    void savedSearchDeleteRequested(qint64 id, const QString &name);
    void digestRedateRequested(qint64 id);
    void digestRemoveRequested(qint64 id);
    void sampleDigestsRemoveRequested();
    void digestMarkReadRequested(qint64 id);
    void ruleRunRequested(qint64 id);
    void ruleEditRequested(qint64 id);
    void ruleDeleteRequested(qint64 id, const QString &name);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    enum class Section
    {
        Library,
        Digests,
        Tags,
        SavedSearches,
        Rules
    };
    // The section's heading, created (in its place) or emptied; the caller
    // fills it and calls endSection().
    QStandardItem *beginSection(Section section);
    void endSection(Section section, const QString &selectedKey);
    QStandardItem *addView(QStandardItem *section, const QString &text, const SidebarView &view,
                           int count = -1);
    QStandardItem *itemForKey(const QString &key) const;
    QStandardItem *countItem(const QString &key) const;
    bool addToCount(const QString &key, int delta);
    void setCount(QStandardItem *item, int count);
    // The count column as wide as the largest count needs.
    void fitCountColumn(int largest);
    void setDigestToolTip(QStandardItem *item);

    QStandardItemModel *m_model = nullptr;
    bool m_hasSamples = false;
    QHash<QString, QStandardItem *> m_items; // the views by key
};

} // namespace gleaner

Q_DECLARE_METATYPE(gleaner::SidebarView)

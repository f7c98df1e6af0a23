<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Annotator</name>
    <message>
        <source>Star 1 paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Star %1 papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unstar 1 paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unstar %1 papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark 1 paper read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark %1 papers read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark 1 paper unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark %1 papers unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag 1 paper “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag %1 papers “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untag 1 paper “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untag %1 papers “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your note could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark 1 paper not interested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark %1 papers not interested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take “not interested” off 1 paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take “not interested” off %1 papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note could not be restored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Add %n paper(s) to the reading queue</source>
        <translation>
            <numerusform>Add 1 paper to the reading queue</numerusform>
            <numerusform>Add %n papers to the reading queue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n paper(s) from the reading queue</source>
        <translation>
            <numerusform>Remove 1 paper from the reading queue</numerusform>
            <numerusform>Remove %n papers from the reading queue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>This is not a Gleaner backup: it is not valid JSON (%1 at byte %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a Gleaner backup: its &quot;format&quot; is not &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Gleaner backup has no valid &quot;version&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backup was written by a newer Gleaner (backup format %1; this version reads up to %2). Update Gleaner to restore it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Gleaner backup is damaged: &quot;papers&quot; is not a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This Gleaner backup is damaged: paper %1 has no title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the reader data for the backup: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the backup to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the backup %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not restore the backup; the library was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The snapshot cannot replace the library itself; choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file; choose a file for the snapshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the library for the snapshot: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write the snapshot %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not move the snapshot into place at %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Wait for the work under way to finish, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back Up Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gleaner backup (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing up the annotations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Backed up the annotations of %n paper(s) to %1.</source>
        <translation>
            <numerusform>Backed up the annotations of 1 paper to %1.</numerusform>
            <numerusform>Backed up the annotations of %n papers to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gleaner backup (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge the stars, read marks, tags, notes and saved searches in %1 into this library? Nothing you have is removed: tags are added, and where a paper has two different notes both are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring the annotations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These papers now hold both notes, one after the other:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a Copy of the Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gleaner library (*.sqlite3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving a copy of the library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved a copy of the library to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsistencyCheck</name>
    <message>
        <source>Could not check the library: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search index does not match the papers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The digest %1 has %2 of its %3 papers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library is damaged: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Could not open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1: its SQLite lacks the FTS5 full-text index</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DigestActions</name>
    <message>
        <source>the undated digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the undated digest (file of %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the digest of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct Digest Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date of the digest from %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %1, %n paper(s) from “%2”?</source>
        <translation>
            <numerusform>Remove %1, 1 paper from “%2”?</numerusform>
            <numerusform>Remove %1, %n papers from “%2”?</numerusform>
        </translation>
    </message>
    <message>
        <source>Papers you starred, tagged, read or annotated, and papers that appear in other digests, stay in the library. The file itself is not touched:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Removed the digest and %n paper(s).</source>
        <translation>
            <numerusform>Removed the digest and 1 paper.</numerusform>
            <numerusform>Removed the digest and %n papers.</numerusform>
        </translation>
    </message>
    <message>
        <source>There are no sample digests to remove.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Sample Digests</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove the %n sample digest(s) and their invented papers?</source>
        <translation>
            <numerusform>Remove the sample digest and its invented papers?</numerusform>
            <numerusform>Remove the %n sample digests and their invented papers?</numerusform>
        </translation>
    </message>
    <message>
        <source>Sample papers you starred, tagged, read or annotated stay in the library; your own digests are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Removed the sample digests and %n paper(s).</source>
        <translation>
            <numerusform>Removed the sample digests and 1 paper.</numerusform>
            <numerusform>Removed the sample digests and %n papers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DigestParser</name>
    <message>
        <source>does not look like a paper digest: it has none of the page&apos;s header lines or paper details, and its paragraphs do not pair up as titles and abstracts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has the header of a Daily Papers page but no papers; the page was probably saved before it finished loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no complete paper in it; the first problem is on line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains only white space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a web page (HTML), not a text digest; save the page as text instead, or copy its text into a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has more than %1 papers, far more than a day&apos;s digest; split it into one file per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a binary file, not a text digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not valid UTF-16 text, although it starts like it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not valid UTF-8 text: line %1 has bytes in another encoding (save the page again as UTF-8)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message numerus="yes">
        <source>Copied %n paper(s) as %1.</source>
        <translation>
            <numerusform>Copied 1 paper as %1.</numerusform>
            <numerusform>Copied %n papers as %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n paper(s) as %1 to %2.</source>
        <translation>
            <numerusform>Exported 1 paper as %1 to %2.</numerusform>
            <numerusform>Exported %n papers as %1 to %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpActions</name>
    <message>
        <source>About Gleaner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gleaner %1&lt;/h3&gt;&lt;p&gt;An offline reader for daily research-paper digests.&lt;/p&gt;&lt;p&gt;Library: %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HighlightStore</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the highlights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no highlight %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no paper %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a highlight colour; the colours are %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passage to highlight is not in the paper&apos;s %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change the highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not move the highlights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That passage is highlighted already; change its colour or comment instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <source>Import Digests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digests and archives (*.txt *.zip *.tar *.tar.gz *.tgz *.tar.bz2 *.tar.xz);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a Folder of Digests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard holds no text to import.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>1 digest added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 digests added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 paper got its restored reader data back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 papers got their restored reader data back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 file skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 damaged entry left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 damaged entries left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 source not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sources not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(1 new paper, %2 seen again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 new papers, %2 seen again)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>was not imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not be saved, so nothing of it was kept: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is more than %1, too large to be a digest; it was not read further</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is %1, too large to be a digest (the limit is %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is an archive nested too deeply (more than %1 levels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holds no file that could be a digest: the archive is empty or has only folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holds no file that could be a digest: only links, devices or other special entries, which are never read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntegrityCheck</name>
    <message>
        <source>Could not check the library %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library %1 is damaged, so nothing was written to it; run “gleaner-cli repair” (or File › Repair Library… in the window) to rebuild it into a new file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>Could not open the library %1: %2. The file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the library %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not search the library: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no digest %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change the digest&apos;s date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change the star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change the read state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not tag the paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no tag “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not rename the tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not merge the tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A saved search needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a saved search called “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the saved search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not find where the words matched: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change “Not interested”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not run the rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not undo the rule: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not undo the rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not redo the rule: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not redo the rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not keep the note&apos;s earlier version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no paper %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the note&apos;s history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note of paper %1 has no earlier versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note of paper %1 has versions 1 to %2; there is no version %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not restore the note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not keep the note&apos;s current text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not add to the reading queue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not add to the reading queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove from the reading queue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove from the reading queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reorder the reading queue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reorder the reading queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper %1 is not in the reading queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the passage to highlight, as it is written in the title or abstract.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not in the title or abstract of paper %2 (the passage must be written exactly as there, TeX included).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>“%1” occurs %n time(s) in paper %2: there is no occurrence %3.</source>
        <translation>
            <numerusform>“%1” occurs %n time in paper %2: there is no occurrence %3.</numerusform>
            <numerusform>“%1” occurs %n times in paper %2: there is no occurrence %3.</numerusform>
        </translation>
    </message>
    <message>
        <source>“For you” has nothing to learn from yet, so papers come by upvotes, then in digest order: star or tag three papers on a subject and it will rank by them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“For you” has not learnt from your stars and tags yet, so papers come by upvotes, then in digest order. The window trains it in the background; from a shell, run gleaner-cli rank train.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryFile</name>
    <message>
        <source>There is no library at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file; choose a library file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty, not a library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library %1 cannot be read: you do not have permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1 for the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library %1 cannot be changed because its folder %2 is not writable; copy it to a folder you can write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a library in %1: the folder is not writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library %1 cannot be changed because the file is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the library %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library %1 was written by a newer Gleaner (format %2; this version reads up to %3). Update Gleaner to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an empty database, not a library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is an SQLite database, but not a Gleaner library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library %1 is in an older format (%2); open it once with a command that changes it (or in the window) to upgrade it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueryBuilder</name>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upvotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not contain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on or after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on or before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exactly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fewer than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be compared that way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value cannot hold a double quote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published needs a year, a month or a day: 2024, 2024-06 or 2024-06-01.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A digest date is a day: 2024-06-01.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueStore</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the reading queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no paper %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not add to the reading queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove from the reading queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reorder the reading queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper %1 is not in the reading queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not reorder the reading queue.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RankStore</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the ranking&apos;s state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the ranking&apos;s vocabulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ranking&apos;s vocabulary has a gap; rebuild it (gleaner-cli rank rebuild).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store a paper&apos;s features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the papers to rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not clear the old ranking features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store the ranking&apos;s vocabulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the new papers&apos; text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store the new papers&apos; scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read a paper&apos;s features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the papers&apos; features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not look for related papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the starred papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read a tag&apos;s papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read a paper&apos;s tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the ranking models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store a ranking model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove an old ranking model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not store the papers&apos; scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read a paper&apos;s score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the papers&apos; stars and tags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ranker</name>
    <message>
        <source>The ranking was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not update the ranking: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not train a ranking model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not train a ranking model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the library has doubled since its vocabulary was built</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no ranking features yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n paper(s) without ranking features</source>
        <translation>
            <numerusform>1 paper without ranking features</numerusform>
            <numerusform>%n papers without ranking features</numerusform>
        </translation>
    </message>
    <message>
        <source>the stars have no model yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stars changed since their model was trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag %1 has no model yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag %1 changed since its model was trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag %1 has fewer than %2 papers for its model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fewer than %1 stars for the star model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReaderDataStore</name>
    <message>
        <source>There is no paper %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Repairer</name>
    <message>
        <source>1 digest rebuilt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 digests rebuilt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 from the library, %2 from their files, %3 with only the papers that could be read)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reader data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 row of the damaged file could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows of the damaged file could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists; choose a new file for the repaired library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repaired library needs a file of its own, not %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repaired library is %1, but the damaged file could not be moved aside to make room for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The repaired library is %1 and the damaged file is now %2; move the repaired one to %3 yourself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RestoreReport</name>
    <message>
        <source>1 paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 in the library, %2 waiting for their digests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 read mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 read marks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 saved search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 saved searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: nothing new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: %1 added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; 1 paper had a different note, both are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 papers had different notes, both are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 “not interested”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 “not interested”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 earlier version of a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 earlier versions of notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 paper queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 papers queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 highlights</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleActions</name>
    <message>
        <source>Saved the rule “%1”: it runs on every digest you import from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule Not Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Rule “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That rule is gone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the rule “%1”? What it did to papers stays; it will not act on new digests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting what the rule would do…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The rule “%1” matches %n paper(s) and has nothing new to do to them.</source>
        <translation>
            <numerusform>The rule “%1” matches %n paper and has nothing new to do to them.</numerusform>
            <numerusform>The rule “%1” matches %n papers and has nothing new to do to them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The rule “%1” matches %n paper(s) in the library. Running it now would do: %2.

Edit › Undo takes it back.</source>
        <translation>
            <numerusform>The rule “%1” matches %n paper in the library. Running it now would do: %2.

Edit › Undo takes it back.</numerusform>
            <numerusform>The rule “%1” matches %n papers in the library. Running it now would do: %2.

Edit › Undo takes it back.</numerusform>
        </translation>
    </message>
    <message>
        <source>Running the rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ran %1. Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the work under way to finish, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleOutcome</name>
    <message>
        <source>rule ‘%1’: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tagged %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starred %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked %1 read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>marked %1 “Not interested”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matched %1, nothing new to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued %1 to read later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleStore</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no rule “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no rule %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rule needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rule needs a search: without one it would act on every paper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a rule called “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete the rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not run the rule “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not restore what the rules did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not undo the rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not redo the rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rule needs something to do: a tag to add, a star, “mark read”, “Not interested” or the reading queue.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Salvage</name>
    <message>
        <source>Nothing can be read from %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing can be read from %1: its list of tables is damaged or it is not a library.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavedSearchActions</name>
    <message>
        <source>Type a search first, then save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name for “%1”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename Saved Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Saved Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the saved search “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Schema</name>
    <message>
        <source>Could not back up the library to %1 before upgrading it: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the library&apos;s version: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This library was written by a newer Gleaner (format %1; this version reads up to %2). Update Gleaner to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is an SQLite database, but not a Gleaner library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not upgrade the library to format %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its tables are not as that format expects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the library from format %1 to %2: first a backup copy, then the upgrade, which rebuilds the search index. At 100,000 papers this takes about a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upgrading the library from format %1 to %2: first a backup copy, then the upgrade, a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SourceWalk</name>
    <message>
        <source>a named pipe (FIFO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a character device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a block device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a link to something that does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is a link to %1, not a file; only regular files are read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is %1, not a file; only regular files are read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is an empty folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Submitter</name>
    <message>
        <source>1 upvote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 upvotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 authors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagActions</name>
    <message>
        <source>Rename Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no other tag to merge into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge “%1” into:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete the tag “%1” from %n paper(s)? The papers themselves stay.</source>
        <translation>
            <numerusform>Delete the tag “%1” from 1 paper? The paper itself stays.</numerusform>
            <numerusform>Delete the tag “%1” from %n papers? The papers themselves stay.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagStore</name>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the tag “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not tag the paper</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TriageActions</name>
    <message>
        <source>Mark All Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark all %1 papers of %2 read? Edit › Undo puts them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every paper of %1 was read already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Ctrl+Z undoes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the digest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Digests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paste Digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &amp;Sample Digests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Sa&amp;mple Digests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back Up Annotations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore Annotations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a &amp;Copy of the Library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;pair Library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save &amp;Search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as &amp;Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy as &amp;BibTeX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;Read / Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ext Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page Down / Next &amp;Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;All Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;Digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious Digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quick Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quick Tag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide Read Papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compact &amp;Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader &amp;Below the List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Gleaner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open on the &amp;Web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not &amp;Interested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not interested in this paper (again: interested after all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create R&amp;ule from This Search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rule that tags, stars or marks what this search finds in every new digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digests in &amp;For You Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A digest&apos;s papers by what you starred and tagged (once three papers share a star or a tag), else in the digest&apos;s order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read &amp;Later (Reading Queue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to the end of the reading queue (again: take it out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note &amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier versions of the note, to read or restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Highlight Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight the passage selected in the reader (right-click it for colours and a comment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Move Up in the Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M&amp;ove Down in the Queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::AnnotationPane</name>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a tag and press Delete to remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a tag and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes on this paper are saved as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No paper selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not &amp;interested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers like this one matter less to you (X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags whose papers this one resembles; click one to add it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read &amp;later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Histor&amp;y…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read later: the Reading queue lists it in the order you set (Q)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier versions of this note, to read or restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to show it in the reader; right-click to change or delete it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;urple</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(detached)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detached: the passage is no longer in the paper&apos;s text. It is kept, and attached again if the passage comes back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlights: select text in the reader and press H</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show in the Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;Comment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A comment on “%1”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;olour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Highlight…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the highlight of “%1”%2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and its comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::ExportDialog</name>
    <message>
        <source>1 paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current view (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current view: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selection (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes folder (Obsidian, Logseq)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include abstracts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List &amp;title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will be exported; the preview shows the first %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will be exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (*.%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Notes to Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes Exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 written, %2 unchanged. %3 you deleted from the folder were left out; gleaner-cli export --format notes --recreate writes them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” ends in .%2, but the file will hold %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save it as “%1”, so it opens in a program that reads %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as .%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep .%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::ImportController</name>
    <message>
        <source>was not imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::ImportStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the import (Esc). Nothing from the file being read is kept; files finished before it stay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1 of %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1 of %2: %3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::ImportSummary</name>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled; nothing was added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import stopped because of a problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 with %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These digests are already in your library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was imported before the problem is kept (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was added to the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once the problem is solved, import the same files again: digests already in the library are recognised and not added twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing from the file being read when you cancelled was added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files finished before that are kept (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the same files again to finish: digests already in the library are recognised and not added twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not imported (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files skipped (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entries left out (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive members ignored (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The pasted text is not a digest Gleaner can read. Select the whole “Daily Papers” page in the browser (Ctrl+A), copy it and paste again; Show Details gives the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file was a digest Gleaner can read. A digest is the text of a saved “Daily Papers” page; Show Details gives the reason for each file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::ListPane</name>
    <message>
        <source>Search papers  (/ or Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;No digests yet&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the daily digests you saved as text: single files, folders or archives. You can also drop them on this window or paste a copied page with Ctrl+Shift+V.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Digests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try Sample Digests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compact &amp;Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1+ papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln paper(s)</source>
        <translation>
            <numerusform>%Ln paper</numerusform>
            <numerusform>%Ln papers</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · title matches ranked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers with the words in their title come first, ranked by relevance. The other matches are too many to rank them all: the newest %1 are ranked, the older ones follow newest first. Add a word to narrow them down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · newest ranked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many matches to rank them all. Papers with the words in their title come first: the newest %1 of them ranked by relevance, the older ones newest first. The other matches follow in the same way. Add a word to narrow them down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · title matches first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many matches to rank while you type: papers with the words in their title come first, newest first, then the other matches. Type a space after the last word to rank the newest of them, or add a word to narrow them down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers with the words in their title come first, ranked by relevance. The other matches are too many to rank while you type and follow newest first. Type a space after the last word to rank the newest of them, or add a word to narrow them down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words, &quot;phrases&quot;, -exclude, OR, title: abstract:, is:starred is:unread is:dismissed is:queued has:note tag: digest: date: upvotes: authors: org:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only matches among the newest %1 papers are ranked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title matches come first only among the newest %1 papers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Folder…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::MainWindow</name>
    <message>
        <source>Gleaner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(pasted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That was the oldest digest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No more unread papers in this digest. Space again opens the next one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No more unread papers in this list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the oldest digest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the newest digest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every paper in %1 is read. View › Hide Read Papers (Shift+H) shows them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No papers in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No papers in %1 match “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 in all papers: show it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in all papers: show them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None in all papers either.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Gleaner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagged “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed the tag “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened a search for “%1” in your browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No browser could be started for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watching %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digests saved into %1 are imported as they arrive (File &gt; Preferences).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The watched folder %1 does not exist; digests saved into it are imported once it does (File &gt; Preferences).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Not interested: %n paper(s). Ctrl+Z undoes it.</source>
        <translation>
            <numerusform>Not interested: 1 paper. Ctrl+Z undoes it.</numerusform>
            <numerusform>Not interested: %n papers. Ctrl+Z undoes it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Interested after all: %n paper(s).</source>
        <translation>
            <numerusform>Interested after all: 1 paper.</numerusform>
            <numerusform>Interested after all: %n papers.</numerusform>
        </translation>
    </message>
    <message>
        <source>Upgrading the Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a search first, then make a rule of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The linked paper is not in this list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Added %n paper(s) to the end of the reading queue.</source>
        <translation>
            <numerusform>Added 1 paper to the end of the reading queue.</numerusform>
            <numerusform>Added %n papers to the end of the reading queue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Took %n paper(s) out of the reading queue.</source>
        <translation>
            <numerusform>Took 1 paper out of the reading queue.</numerusform>
            <numerusform>Took %n papers out of the reading queue.</numerusform>
        </translation>
    </message>
    <message>
        <source>The note&apos;s history could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That version is the note as it is; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored an earlier version of the note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored an earlier version of the note; the note it replaced is in its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The paper changed; select the passage again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight with Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A comment on “%1”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlighted “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This paper is not in the reading queue (Q adds it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Star or tag three papers on a subject and digests open with the papers like them first (“For you”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating “For you”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“For you” is ready: digests you open now show the papers like your stars and tags first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::NoteHistoryDialog</name>
    <message>
        <source>Note History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note on “%1” has no earlier versions yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier versions of the note on “%1”, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Begins</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>1 character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>The note just before most of it was deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, before a deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a version to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Text of this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore This Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make this version the note again; the note as it is now becomes the newest version, so this can be undone here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version is the note as it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note is empty now; restoring brings all of this back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This version has %n character(s) the note lacks now (marked).</source>
        <translation>
            <numerusform>This version has 1 character the note lacks now (marked).</numerusform>
            <numerusform>This version has %n characters the note lacks now (marked).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The note has %n character(s) more now; restoring this version removes them.</source>
        <translation>
            <numerusform>The note has 1 character more now; restoring this version removes it.</numerusform>
            <numerusform>The note has %n characters more now; restoring this version removes them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This version has %n character(s) the note lacks now (marked),</source>
        <translation>
            <numerusform>This version has 1 character the note lacks now (marked),</numerusform>
            <numerusform>This version has %n characters the note lacks now (marked),</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and lacks %n of the note&apos;s.</source>
        <translation>
            <numerusform> and lacks 1 of the note&apos;s.</numerusform>
            <numerusform> and lacks %n of the note&apos;s.</numerusform>
        </translation>
    </message>
    <message>
        <source>Kept just before most of the note was deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::NoteHtml</name>
    <message>
        <source>No paper matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>like the papers you starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>like your tag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Related papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detached highlights</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (the best of %n papers with these words in their titles; write more of the title to pick another)</source>
        <translation>
            <numerusform>%1 (the only paper with these words in its title)</numerusform>
            <numerusform>%1 (the best of %n papers with these words in their titles; write more of the title to pick another)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (the best of more than %2 papers with these words in their titles; write more of the title to pick another)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::NotesFolder</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged; delete it to export into this folder anew.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::PaperListModel</name>
    <message>
        <source>New in this digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an undated digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In %1 digests: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upvotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seen again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::ParsedQuery</name>
    <message>
        <source>The search was too long: only its first %1 characters were searched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OR joins words, not filters: the papers found match all of the filters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gleaner library (*.sqlite3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Library file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new library file is used from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark read after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader &amp;font size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Watch a folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder your browser saves digests into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watched Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each digest saved into it is imported a moment after it is written; subfolders are not looked into.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open now: %1, given at the start. A new library file is used from the next start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::ReaderView</name>
    <message>
        <source>Open a paper and select a passage of it to highlight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A highlight is of the title or of the abstract: select a passage within one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a passage of the title or abstract first, then press H.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selection could not be read; select it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight with &amp;Comment…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::RepairAction</name>
    <message>
        <source>The Library Is Damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gleaner found damage in your library and will not change it, so the damage cannot spread. You can still read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair rebuilds the library from its digests and keeps every star, tag, note and saved search that can still be read. The damaged file is kept beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repairing the library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repair Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 The damaged file is kept at %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::RuleBuilderDialog</name>
    <message>
        <source>a word or a phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>part of its name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2024, 2024-06 or 2024-06-01</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2026-03-03</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what it is for, e.g. qwen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers that match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all of these conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any of these conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anywhere in title or abstract: words, &quot;a phrase&quot;, -word, a OR b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>And the &amp;words:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit as &amp;text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Q&amp;uery:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it does to each of them, once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add ta&amp;gs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one or more, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not &amp;interested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This query can only be edited as text: the rows have no place for some of it (is:, has:, or an OR between filters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition %1 is left out: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the rule a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the rule something to match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose what the rule does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to the reading &amp;queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules run on the papers of every digest imported from now on. A rule does each thing to a paper once: a star or tag you take off by hand, or a paper you take out of the reading queue, stays so, and notes are never touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Any” joins title and abstract words only: the search language has no OR between filters (tags, dates, numbers, organisations, excluded words), so with those every condition must hold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule&apos;s search, in the search field&apos;s language. Check “Edit as text” to change it here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::ShortcutEditor</name>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key for “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset All to Defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the key of both “%2” and “%3”; give one of them another key.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::ShortcutsDialog</name>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 – 9</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle one of the nine most used tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down or Enter in the search field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc in the search field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::Sidebar</name>
    <message>
        <source>Undated (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undated · file of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2 papers, %3 unread, %4 triaged
from %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
? The page gave the day but not the year; the year is a guess from the file&apos;s date. Correct Date (right-click) sets it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
The page shows no date; the digest is placed by the day its file was written. Correct Date (right-click) gives it one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recently read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge Into…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark Digest &amp;Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct &amp;Date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Digest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove &amp;Sample Digests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1
matched %n paper(s) when it last ran</source>
        <translation>
            <numerusform>%1
matched %n paper when it last ran</numerusform>
            <numerusform>%1
matched %n papers when it last ran</numerusform>
        </translation>
    </message>
    <message>
        <source>%1
not run yet: it runs on the next digest you import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;un on Library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading queue</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::TriageProgress</name>
    <message>
        <source>All %1 triaged ✓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 triaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers of this digest you have read, starred, tagged or marked not interested</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::cli</name>
    <message>
        <source>(see gleaner-cli --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no library at %1; check --library, or import digests first (gleaner-cli import PATH...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--library needs a FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::cli::Commands</name>
    <message>
        <source>1 paper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 saved search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 saved searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up the reader data of %1 and %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>both notes kept (the backup&apos;s after a separator line): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved search with a different query kept as: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snapshot of %1 written to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>triaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 digests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a digest id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a date like 2026-01-07</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every sample digest (the window&apos;s Try Sample Digests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give a digest id or --samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no sample digests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the format: %1 (notes: one Markdown file per paper in the folder -o names)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the query (before the QUERY words)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QUERY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the opposite order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave the abstracts out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the title of the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write to FILE instead of standard output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notes: write again the files deleted from the folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>export needs --format %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format takes %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--format notes needs -o DIR, the folder of notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--recreate is for --format notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes for %1 papers in %2: %3 written, %4 unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 deleted from the folder left out (--recreate writes them again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported 1 paper as %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 papers as %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no command &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(archive backend: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ignored %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give paper IDs or --digest, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked 1 paper read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked %1 papers read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked 1 paper unread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked %1 papers unread.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the IDs of the papers to mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write the repaired library to NEW and leave the damaged one where it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NEW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rebuild the library even when the check finds it sound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The library %1 is sound: there is nothing to repair (use --force to rebuild it anyway).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repaired: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repaired library: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged file kept at: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(showing %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>show takes one paper ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no paper %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upvotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tags takes: list, rename OLD NEW, merge FROM INTO, or delete NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Removed the digest and %n paper(s) no other digest or note kept.</source>
        <translation>
            <numerusform>Removed the digest and 1 paper no other digest or note kept.</numerusform>
            <numerusform>Removed the digest and %n papers no other digest or note kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %1 digests and %n paper(s) no other digest or note kept.</source>
        <translation>
            <numerusform>Removed %1 digests and 1 paper no other digest or note kept.</numerusform>
            <numerusform>Removed %1 digests and %n papers no other digest or note kept.</numerusform>
        </translation>
    </message>
    <message>
        <source>web takes one paper ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--watch takes one folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a folder; --watch watches a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no folder %1 to watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is back; watching it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is gone; waiting for it to come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Watching %1 for new digests; Ctrl+C stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped watching %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keep watching the folder PATH and import each digest (.txt) or archive saved into it, not its subfolders, until interrupted (Ctrl+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes (not interested)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 unread, %3 starred, %4 with notes, %5 not interested)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title matches ranked first; of the other matches (too many to rank them all) the newest %1 ranked, then the older ones newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many to rank them all: title matches first, and in each part the newest %1 ranked, then the older ones newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mark read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not interested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add this tag (repeatable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>star what it matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mark what it matches read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mark what it matches &quot;Not interested&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only count what it would change; change nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rules takes: list, add NAME QUERY, rm NAME, or run NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matched %1 last</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>rule ‘%1’ matches %n paper(s); a run would do: %2 (dry run, nothing changed)</source>
        <translation>
            <numerusform>rule ‘%1’ matches %n paper; a run would do: %2 (dry run, nothing changed)</numerusform>
            <numerusform>rule ‘%1’ matches %n papers; a run would do: %2 (dry run, nothing changed)</numerusform>
        </translation>
    </message>
    <message>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule ‘%1’ added: on every import it will do: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no paper in the library matches it yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>it matches %n paper(s) in the library now; `gleaner-cli rules run %1` applies it to them</source>
        <translation>
            <numerusform>it matches %n paper in the library now; `gleaner-cli rules run %1` applies it to it</numerusform>
            <numerusform>it matches %n papers in the library now; `gleaner-cli rules run %1` applies it to them</numerusform>
        </translation>
    </message>
    <message>
        <source>no saved search is called “%1” (gleaner-cli searches lists them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>searches takes: list, add NAME QUERY, rename OLD NEW, or rm NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a saved search needs a query after its name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved search ‘%1’ now asks: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>saved search ‘%1’ added: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most N papers (default 5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rank takes: status, train, or rebuild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No ranking features yet: gleaner-cli rank train builds them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 terms from %2 papers, built %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none: star or tag %1 papers on a subject, then gleaner-cli rank train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 positive, %3 not interested, %4 others; trained %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuilt the ranking features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Added the features of %n paper(s).</source>
        <translation>
            <numerusform>Added the features of 1 paper.</numerusform>
            <numerusform>Added the features of %n papers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trained %n model(s)</source>
        <translation>
            <numerusform>Trained 1 model</numerusform>
            <numerusform>Trained %n models</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) in all.</source>
        <translation>
            <numerusform>1 model in all.</numerusform>
            <numerusform>%n models in all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n model(s) of tags with fewer than %1 papers.</source>
        <translation>
            <numerusform>Removed 1 model of a tag with fewer than %1 papers.</numerusform>
            <numerusform>Removed %n models of tags with fewer than %1 papers.</numerusform>
        </translation>
    </message>
    <message>
        <source>No model yet: star or tag %1 papers on a subject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>related takes one paper ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit takes a number of papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No related papers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suggest-tags takes one paper ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tag to suggest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a comment on the passage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its colour: %1 (default %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>which occurrence of the passage, counted through the title then the abstract (default 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--occurrence takes a number from 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a highlight colour; the colours are %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlighted in the %1 (highlight %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>detached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paper %1 has no highlights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paper %1 has highlights 1 to %2 (see: gleaner-cli highlights %1), not &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the note&apos;s text, or --history, or --restore N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--history and --restore take no note text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--restore needs the number of a version (see --history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected &apos;%1&apos; after --history or --restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give --history or --restore N, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not the number of a version (1 is the newest; see --history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--json goes with --history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note of paper %1 has no earlier versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation>
            <numerusform>1 character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
    <message>
        <source>before a deletion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the note&apos;s earlier versions, 1 the newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>make version N the note again (the note it replaces becomes version 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 is the note of paper %2 already; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored version %1 of the note of paper %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored version %1 of the note of paper %2; the note it replaced is version 1 now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue takes: list, add ID..., rm ID..., or move ID POSITION</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Added %n paper(s) to the reading queue</source>
        <translation>
            <numerusform>Added 1 paper to the reading queue</numerusform>
            <numerusform>Added %n papers to the reading queue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n already in it)</source>
        <translation>
            <numerusform> (1 already in it)</numerusform>
            <numerusform> (%n already in it)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; it holds %n.</source>
        <translation>
            <numerusform>; it holds 1.</numerusform>
            <numerusform>; it holds %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n paper(s) from the reading queue</source>
        <translation>
            <numerusform>Removed 1 paper from the reading queue</numerusform>
            <numerusform>Removed %n papers from the reading queue</numerusform>
        </translation>
    </message>
    <message>
        <source>paper %1 is not in the reading queue; `gleaner-cli queue add %1` adds it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a place in the queue: give a position from 1, or up, down, top or bottom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper %1 is number %2 of %3 in the reading queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add to the reading queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add what it matches to the end of the reading queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the rule something to do: --tag T, --star, --read, --dismiss or --queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number %1 of %2 in the reading queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlights:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (detached)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n paper(s) to read later</source>
        <translation>
            <numerusform>1 paper to read later</numerusform>
            <numerusform>%n papers to read later</numerusform>
        </translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n undated</source>
        <translation>
            <numerusform>1 undated</numerusform>
            <numerusform>%n undated</numerusform>
        </translation>
    </message>
    <message>
        <source>Out of date (%1): gleaner-cli rank train brings it up to date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The reading queue holds %n paper(s): paper %1 goes last.</source>
        <translation>
            <numerusform>The reading queue holds 1 paper: paper %1 goes last.</numerusform>
            <numerusform>The reading queue holds %n papers: paper %1 goes last.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>[[%1]] leads to %2, the best of %n papers with these words in their titles</source>
        <translation>
            <numerusform>[[%1]] leads to %2, the best of 1 paper with these words in its title</numerusform>
            <numerusform>[[%1]] leads to %2, the best of %n papers with these words in their titles</numerusform>
        </translation>
    </message>
    <message>
        <source>[[%1]] leads to %2, the best of more than %3 papers with these words in their titles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only matches among the newest %1 papers ranked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title matches first only among the newest %1 papers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::cli::Help</name>
    <message>
        <source>Usage: gleaner-cli [--library FILE] COMMAND [ARGS...]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the library (default: $GLEANER_LIBRARY, else ~/.local/share/gleaner/library.sqlite3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print the version and the archive backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print this help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;gleaner-cli help COMMAND&apos; or &apos;gleaner-cli COMMAND --help&apos; shows a command&apos;s options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exit status: 0 all well, 1 some input was rejected, 2 usage error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: gleaner-cli [--library FILE] %1 [OPTIONS]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::cli::Invocation</name>
    <message>
        <source>%1 takes no arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit takes a number of papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(see gleaner-cli %1 --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a paper id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no paper %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write to standard output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::cli::Options</name>
    <message>
        <source>print this help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print JSON instead of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every paper of the digest with this id (see digests)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the order: %1 (default relevance)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ORDER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most N papers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--sort takes %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gleaner::cli::StopSignals</name>
    <message>
        <source>could not prepare for Ctrl+C: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

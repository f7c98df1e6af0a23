// The Gleaner window: the list pane (search and papers), the reader pane and
// the annotation pane side by side, with window state remembered between runs.
#pragma once

#include <QMainWindow>

class QLineEdit;
class QSplitter;
class QTableView;
class QLabel;

namespace gleaner {

class ReaderView;
class AnnotationPane;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ReaderView *readerView() const { return m_reader; }
    QSplitter *splitter() const { return m_splitter; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void restoreState();
    void saveState() const;
    void showAbout();

    QSplitter *m_splitter = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_list = nullptr;
    QLabel *m_emptyState = nullptr;
    ReaderView *m_reader = nullptr;
    AnnotationPane *m_annotations = nullptr;
};

} // namespace gleaner

// The annotation pane: star, read state, tags and the note of the paper in
// the reader. Disabled while no paper is selected.
#pragma once

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QLabel;

namespace gleaner {

class AnnotationPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationPane)

public:
    explicit AnnotationPane(QWidget *parent = nullptr);

private:
    QLabel *m_heading = nullptr;
    QCheckBox *m_star = nullptr;
    QCheckBox *m_read = nullptr;
    QLineEdit *m_tags = nullptr;
    QPlainTextEdit *m_note = nullptr;
};

} // namespace gleaner

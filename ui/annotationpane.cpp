#include "annotationpane.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace gleaner {

AnnotationPane::AnnotationPane(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(tr("Annotations"), this))
    , m_star(new QCheckBox(tr("&Starred"), this))
    , m_read(new QCheckBox(tr("&Read"), this))
    , m_tags(new QLineEdit(this))
    , m_note(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("annotationPane"));
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_tags->setPlaceholderText(tr("Add a tag and press Enter"));
    m_note->setPlaceholderText(tr("Notes on this paper are saved as you type."));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_star);
    layout->addWidget(m_read);
    auto *tagsLabel = new QLabel(tr("&Tags"), this);
    tagsLabel->setBuddy(m_tags);
    layout->addWidget(tagsLabel);
    layout->addWidget(m_tags);
    auto *noteLabel = new QLabel(tr("&Note"), this);
    noteLabel->setBuddy(m_note);
    layout->addWidget(noteLabel);
    layout->addWidget(m_note, 1);
    setEnabled(false);
}

} // namespace gleaner

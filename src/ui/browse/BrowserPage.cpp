#include "ui/browse/BrowserPage.h"

#include "ui/common/RememberedLayout.h"

#include "ui_BrowserPage.h"

#include "ui/common/ButtonShortcut.h"
#include "ui/common/GridColumnWidths.h"

#include "core/browse/ValueFormat.h"
#include "ui/browse/TableBrowserModel.h"
#include "ui/browse/StructureHtml.h"
#include "ui/deferred/DeferredParts.h"
#include "ui/deferred/UsageChartView.h"
#include "db/browse/BrowseWorker.h"
#include "db/workers/WorkerCall.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHeaderView>
#include <QScrollBar>
#include <QShortcut>

namespace {
quint64 g_countTickets = 1'000'000;  // distinct from the model's page tickets
}

BrowserPage::BrowserPage(BrowseWorker *worker, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::BrowserPage>())
    , m_worker(worker)
    , m_model(new TableBrowserModel(m_worker, this))
{
    m_ui->setupUi(this);
    RememberedLayout::keep(m_ui->relationTree->header(), QStringLiteral("browse/relations"));
    m_ui->grid->setModel(m_model);
    m_ui->grid->horizontalHeader()->setDefaultSectionSize(140);
    m_gridWidths = new GridColumnWidths(m_ui->grid);
    m_ui->grid->verticalHeader()->setDefaultSectionSize(m_ui->grid->fontMetrics().height() + 6);
    m_ui->splitter->setStretchFactor(0, 1);
    m_ui->splitter->setStretchFactor(1, 4);
    m_ui->splitter->setStretchFactor(2, 2);
    m_ui->userEdit->setEnabled(false);
    m_ui->cancelButton->setEnabled(false);
    connectRelations();
    connectRowControls();
    connectViewAs();
    connectCountAndExport();
    connectChart();
    connectGrid();
}

BrowserPage::~BrowserPage() = default;

void BrowserPage::connectRelations()
{
    connect(m_worker, &BrowseWorker::relationsListed, this, &BrowserPage::showRelations);
    connect(m_worker, &BrowseWorker::described, this, &BrowserPage::showStructure);
    const auto open = [this](QTreeWidgetItem *item) {
        if (item->parent())
            openTable(item->parent()->text(0), item->text(0));
    };
    connect(m_ui->relationTree, &QTreeWidget::itemActivated, this, open);
    connect(m_ui->relationTree, &QTreeWidget::itemClicked, this, open);
    connect(m_ui->relationFilterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (int s = 0; s < m_ui->relationTree->topLevelItemCount(); ++s) {
            QTreeWidgetItem *schema = m_ui->relationTree->topLevelItem(s);
            for (int t = 0; t < schema->childCount(); ++t)
                schema->child(t)->setHidden(!schema->child(t)->text(0).contains(text, Qt::CaseInsensitive));
        }
    });
}

void BrowserPage::connectRowControls()
{
    connect(m_ui->sortCombo, qOverload<int>(&QComboBox::activated), this, [this] { reload(); });
    connect(m_ui->descendingCheck, &QCheckBox::toggled, this, [this] { reload(); });
    connect(m_ui->firstButton, &QPushButton::clicked, this, [this] { reload(false); });
    connect(m_ui->lastButton, &QPushButton::clicked, this, [this] { reload(true); });
    connect(m_ui->applyFilterButton, &QPushButton::clicked, this, [this] {
        BrowseFilter filter{m_ui->filterColumnCombo->currentText(), m_ui->filterOpCombo->currentText(), m_ui->filterValueEdit->text()};
        const QString problem = filterProblem(filter);
        if (!problem.isEmpty()) {
            m_ui->countLabel->setText(problem);
            return;
        }
        m_filters = {filter};
        reload();
    });
    connect(m_ui->filterValueEdit, &QLineEdit::returnPressed, m_ui->applyFilterButton, &QPushButton::click);
    connect(m_ui->clearFilterButton, &QPushButton::clicked, this, [this] {
        m_filters.clear();
        m_ui->filterValueEdit->clear();
        reload();
    });
}

void BrowserPage::connectViewAs()
{
    connect(m_ui->viewAsCombo, qOverload<int>(&QComboBox::activated), this, [this] { applyViewAs(); });
    connect(m_ui->userEdit, &QLineEdit::returnPressed, this, [this] { applyViewAs(); });
    connect(m_worker, &BrowseWorker::userResolved, this, [this](const QString &, const QString &id, const QString &email, const QString &error) {
        if (!error.isEmpty()) {
            m_ui->countLabel->setText(error);
            return;
        }
        m_viewAs.mode = ViewAs::Mode::Authenticated;
        m_viewAs.userId = id;
        m_viewAs.email = email;
        reload();
    });
}

void BrowserPage::connectCountAndExport()
{
    connect(m_ui->exactCountButton, &QPushButton::clicked, this, &BrowserPage::countExactly);
    connect(m_ui->exportButton, &QPushButton::clicked, this, [this] { exportCsv(); });
    connect(m_ui->cancelButton, &QPushButton::clicked, this, &BrowserPage::cancel);
    ButtonShortcut::add(m_ui->cancelButton, QKeySequence(Qt::Key_Escape), this, Qt::WindowShortcut);
    connect(m_worker, &BrowseWorker::exportProgressed, this, [this](quint64 ticket, qint64 rows, qint64 bytes) {
        if (ticket == m_exportTicket)
            m_ui->countLabel->setText(tr("Exporting … %L1 rows, %2 MB (Cancel stops it)").arg(rows).arg(bytes / 1048576.0, 0, 'f', 1));
    });
    connect(m_worker, &BrowseWorker::exportFinished, this, [this](quint64 ticket, bool ok, qint64 rows, const QString &message) {
        if (ticket != m_exportTicket)
            return;
        m_ui->exportButton->setEnabled(true);
        m_ui->cancelButton->setEnabled(m_model->busy());
        m_ui->countLabel->setText(ok ? tr("Exported %L1 rows to %2").arg(rows).arg(message)
                                     : tr("Export stopped, no file left: %1").arg(message));
        emit exportDone(ok, rows, message);
    });
    connect(m_worker, &BrowseWorker::counted, this, [this](quint64 ticket, qint64 rows, const QString &error) {
        if (ticket != m_countTicket)
            return;
        m_ui->cancelButton->setEnabled(m_model->busy());
        const QString estimate = m_structure.estimatedRows >= 0 ? QStringLiteral("~%L1").arg(m_structure.estimatedRows)
                                                                : tr("an unknown number");
        QString text;
        if (!error.isEmpty())
            text = tr("Count failed: %1").arg(error);
        else if (m_viewAs.mode == ViewAs::Mode::Owner)
            text = tr("%L1 rows%2 (exact)").arg(rows).arg(m_filters.isEmpty() ? QString() : tr(" match the filter"));
        else
            text = tr("%L1 rows visible as %2, of %3").arg(rows).arg(m_viewAs.describe(), estimate);
        m_ui->countLabel->setText(text);
        emit countShown(text);
    });
}

void BrowserPage::connectChart()
{
    // The chart wants room; the structure and value panes do not.
    connect(m_ui->sideTabs, &QTabWidget::currentChanged, this, [this](int index) {
        const int total = m_ui->splitter->width();
        const bool chart = m_ui->sideTabs->widget(index) == m_ui->chartTab;
        m_ui->splitter->setSizes({total / 8, chart ? total * 3 / 8 : total * 5 / 8, chart ? total / 2 : total / 4});
    });
    connect(m_ui->daysSpin, qOverload<int>(&QSpinBox::valueChanged), this, [this] { refreshChart(); });
    connect(m_worker, &BrowseWorker::usageRead, this, [this](quint64 ticket, const QList<UsagePoint> &points, const QString &error) {
        if (ticket != m_chartTicket)
            return;
        if (!error.isEmpty())
            usageChart()->showMessage(tr("Could not read the usage: %1").arg(error));
        else
            usageChart()->showPoints(points, tr("%1.%2, last %3 days, as %4%5")
                                               .arg(m_schema, m_table)
                                               .arg(m_ui->daysSpin->value())
                                               .arg(m_viewAs.describe(), m_filters.isEmpty() ? QString() : tr(", filtered")));
        emit chartShown();
    });
}

UsageChartView *BrowserPage::usageChart()
{
    if (!m_chart) {  // Qt Charts is opened with the first chart asked for
        m_chart = DeferredParts::makeUsageChart(m_ui->usageChartArea);
        m_chart->widget()->setObjectName(QStringLiteral("usageChart"));
        m_ui->usageChartLayout->addWidget(m_chart->widget());
    }
    return m_chart;
}

void BrowserPage::connectGrid()
{
    ButtonShortcut::addWithoutButton(QKeySequence::Copy, m_ui->grid, [this] { copySelection(); },
                                     tr("Help > Keyboard shortcuts (F1)"), Qt::WindowShortcut);
    connect(m_model, &TableBrowserModel::failed, this, [this](const QString &message) {
        m_ui->countLabel->setText(tr("Could not read rows: %1").arg(message));
        m_ui->cancelButton->setEnabled(false);
    });
    connect(m_model, &TableBrowserModel::pageArrived, this, [this] { m_ui->cancelButton->setEnabled(m_model->busy()); });
    connect(m_ui->grid->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &index) {
        m_ui->valueView->setPlainText(ValueFormat::pretty(m_model->columnType(index.column()), m_model->rawValue(index)));
    });
    // From the end, scrolling to the top brings the page before.
    connect(m_ui->grid->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == 0 && !m_model->atStart())
            m_model->fetchEarlier();
    });
}

void BrowserPage::setConnection(const QString &conninfo)
{
    postTo(m_worker, [conninfo](BrowseWorker &w) {
        w.openConnection(conninfo);
        w.listRelations();
    });
}

void BrowserPage::showRelations(const QList<RelationInfo> &relations, const QString &error)
{
    m_ui->relationTree->clear();
    if (!error.isEmpty()) {
        m_ui->countLabel->setText(error);
        return;
    }
    QTreeWidgetItem *schema = nullptr;
    for (const RelationInfo &r : relations) {
        if (!schema || schema->text(0) != r.schema) {
            schema = new QTreeWidgetItem(m_ui->relationTree, {r.schema});
            schema->setExpanded(r.schema == QLatin1String("public"));
        }
        auto *item = new QTreeWidgetItem(schema, {r.name, r.estimatedRows >= 0 ? QStringLiteral("%L1").arg(r.estimatedRows) : QStringLiteral("?")});
        item->setToolTip(0, r.kind);
        item->setTextAlignment(1, Qt::AlignRight);
    }
    if (!RememberedLayout::userSized(m_ui->relationTree->header()))
        m_ui->relationTree->resizeColumnToContents(0);
    emit relationsShown();
}

void BrowserPage::openTable(const QString &schema, const QString &table)
{
    m_schema = schema;
    m_table = table;
    m_filters.clear();
    m_ui->filterValueEdit->clear();
    postTo(m_worker, [schema, table](BrowseWorker &w) { w.describe(schema, table); });
}

void BrowserPage::showStructure(const QString &schema, const QString &table, const RelationStructure &s, const QString &error)
{
    if (schema != m_schema || table != m_table)
        return;
    if (!error.isEmpty()) {
        m_ui->structureView->setPlainText(error);
        return;
    }
    m_structure = s;
    m_ui->structureView->setHtml(structureHtml(schema, table, s));

    const QString keepSort = m_ui->sortCombo->currentText();
    m_ui->sortCombo->clear();
    m_ui->sortCombo->addItem(tr("(key order)"));
    m_ui->filterColumnCombo->clear();
    for (const ColumnInfo &c : s.columns) {
        m_ui->sortCombo->addItem(c.name);
        m_ui->filterColumnCombo->addItem(c.name);
    }
    m_ui->sortCombo->setCurrentIndex(qMax(0, m_ui->sortCombo->findText(keepSort)));
    m_gridWidths->setKey(QStringLiteral("browse %1.%2").arg(schema, table));
    reload();
    emit tableShown(schema, table);
}

BrowseRequest BrowserPage::currentRequest() const
{
    BrowseRequest request;
    request.schema = m_schema;
    request.table = m_table;
    request.keyColumns = m_structure.keyColumns;
    request.sortColumn = m_ui->sortCombo->currentIndex() > 0 ? m_ui->sortCombo->currentText() : QString();
    request.descending = m_ui->descendingCheck->isChecked();
    request.filters = m_filters;
    return request;
}

void BrowserPage::reload(bool fromEnd)
{
    if (m_table.isEmpty())
        return;
    QStringList types;
    for (const ColumnInfo &c : m_structure.columns)
        types << c.type;
    m_model->browse(currentRequest(), types, m_viewAs, fromEnd);
    refreshChart();
    m_ui->cancelButton->setEnabled(true);
    if (m_viewAs.mode != ViewAs::Mode::Owner || !m_filters.isEmpty())
        countExactly();  // "N rows visible as this user, of M": the role's count is what matters
    else
        m_ui->countLabel->setText(tr("~%L1 rows (estimate from the statistics; Exact count asks the server)")
                                      .arg(m_structure.estimatedRows));
}

void BrowserPage::applyViewAs()
{
    const int mode = m_ui->viewAsCombo->currentIndex();
    m_ui->userEdit->setEnabled(mode == 3);
    if (mode == 3) {
        if (m_ui->userEdit->text().trimmed().isEmpty()) {
            m_ui->countLabel->setText(tr("Type a user's id or e-mail, then Enter."));
            return;
        }
        postTo(m_worker, [user = m_ui->userEdit->text()](BrowseWorker &w) { w.resolveUser(user); });
        return;
    }
    m_viewAs = ViewAs();
    m_viewAs.mode = ViewAs::Mode(mode);
    reload();
}

void BrowserPage::countExactly()
{
    if (m_table.isEmpty())
        return;
    m_countTicket = g_countTickets++;
    m_ui->cancelButton->setEnabled(true);
    m_ui->countLabel->setText(tr("Counting …"));
    postTo(m_worker, [ticket = m_countTicket, request = currentRequest(), viewAs = m_viewAs](BrowseWorker &w) {
        w.count(ticket, request, viewAs);
    });
}

void BrowserPage::cancel()
{
    m_worker->cancel();  // direct: a count(*) on a huge table must not wait
}

void BrowserPage::copySelection()
{
    const QModelIndexList selected = m_ui->grid->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return;
    int top = INT_MAX, bottom = -1, left = INT_MAX, right = -1;
    for (const QModelIndex &i : selected) {
        top = qMin(top, i.row());
        bottom = qMax(bottom, i.row());
        left = qMin(left, i.column());
        right = qMax(right, i.column());
    }
    QStringList lines;
    for (int r = top; r <= bottom; ++r) {
        QStringList cells;
        for (int c = left; c <= right; ++c) {
            const QModelIndex index = m_model->index(r, c);
            QString value = m_ui->grid->selectionModel()->isSelected(index) ? m_model->rawValue(index) : QString();
            value.replace(QLatin1Char('\t'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
            cells << value;
        }
        lines << cells.join(QLatin1Char('\t'));
    }
    QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

void BrowserPage::refreshChart()
{
    QStringList names;
    for (const ColumnInfo &c : m_structure.columns)
        names << c.name;
    const bool usageTable = names.contains(QLatin1String("date")) && names.contains(QLatin1String("tier"))
        && names.contains(QLatin1String("conversation_count")) && names.contains(QLatin1String("api_cost_estimate"));
    if (!usageTable) {
        usageChart()->showMessage(tr("The chart shows daily_usage: open that table."));
        return;
    }
    m_chartTicket = g_countTickets++;
    postTo(m_worker, [ticket = m_chartTicket, request = currentRequest(), viewAs = m_viewAs, days = m_ui->daysSpin->value()](BrowseWorker &w) {
        w.usageByDay(ticket, request, viewAs, days);
    });
}

void BrowserPage::exportCsv(const QString &path)
{
    if (m_table.isEmpty())
        return;
    const QString target = path.isEmpty()
        ? QFileDialog::getSaveFileName(this, tr("Export CSV"), m_table + QStringLiteral(".csv"), tr("CSV (*.csv)"))
        : path;
    if (target.isEmpty())
        return;
    m_exportTicket = g_countTickets++;
    m_ui->exportButton->setEnabled(false);
    m_ui->cancelButton->setEnabled(true);
    m_ui->countLabel->setText(tr("Exporting …"));
    postTo(m_worker, [ticket = m_exportTicket, request = currentRequest(), viewAs = m_viewAs, target](BrowseWorker &w) {
        w.exportCsv(ticket, request, viewAs, target);
    });
}

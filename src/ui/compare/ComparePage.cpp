#include "ui/compare/ComparePage.h"
#include "ui/compare/DifferenceLook.h"

#include "ui_ComparePage.h"

#include "core/catalog/NewMigration.h"
#include "core/sql/StatementDiff.h"
#include "ui/common/ButtonShortcut.h"
#include "ui/common/RememberedLayout.h"
#include "ui/common/SqlHighlighter.h"
#include "ui/connection/PasswordStore.h"

#include <QDateTime>
#include <QDir>
#include <QLineEdit>
#include <QShortcut>

namespace {

const QString kFolder = QStringLiteral("folder");
const QString kOpen = QStringLiteral("open");

}  // namespace

ComparePage::ComparePage(PasswordStore *passwords, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ComparePage>())
    , m_passwords(passwords)
    , m_shadowServer(qEnvironmentVariable("ATLAS_SHADOW_DSN"))
{
    m_ui->setupUi(this);
    new SqlHighlighter(m_ui->compareUpText->document());
    new SqlHighlighter(m_ui->compareDownText->document());
    m_ui->compareSplitter->setStretchFactor(0, 2);
    m_ui->compareSplitter->setStretchFactor(1, 3);
    // Two fifths for the differences by default: the objects' names are long (schema, table, constraint).
    if (!RememberedLayout::keep(m_ui->compareSplitter, QStringLiteral("compare/splitter")))
        m_ui->compareSplitter->setSizes({400, 600});
    RememberedLayout::keep(m_ui->compareDetailSplitter, QStringLiteral("compare/detailSplitter"));
    RememberedLayout::keep(m_ui->compareTree->header(), QStringLiteral("compare/tree"));
    // Shortcuts of this page only (the SQL page has its own Ctrl+S): active while the focus is here.
    m_ui->compareButton->setToolTip(tr("Read both schemas and compare them (Ctrl+Enter)"));
    m_ui->compareCancelButton->setToolTip(tr("Stop reading (Esc)"));
    m_ui->saveMigrationButton->setToolTip(tr("Write the migration and its down file into the migrations folder (Ctrl+S)"));
    for (const auto &[sequence, button] : std::initializer_list<std::pair<QKeySequence, QPushButton *>>{
             {QKeySequence(Qt::CTRL | Qt::Key_Return), m_ui->compareButton},
             {QKeySequence(Qt::CTRL | Qt::Key_Enter), m_ui->compareButton},
             {QKeySequence(Qt::Key_Escape), m_ui->compareCancelButton},
             {QKeySequence::Save, m_ui->saveMigrationButton}}) {
        ButtonShortcut::add(button, sequence, this);
    }
    connect(m_ui->compareButton, &QPushButton::clicked, this, &ComparePage::compareNow);
    connect(m_ui->compareCancelButton, &QPushButton::clicked, this, &ComparePage::cancel);
    connect(m_ui->compareSwapButton, &QToolButton::clicked, this, [this] {
        m_chosen = true;
        const QString from = m_ui->compareFromCombo->currentText();
        const int fromIndex = m_ui->compareFromCombo->currentIndex();
        m_ui->compareFromCombo->setCurrentIndex(m_ui->compareToCombo->currentIndex());
        m_ui->compareFromCombo->setEditText(m_ui->compareToCombo->currentText());
        m_ui->compareToCombo->setCurrentIndex(fromIndex);
        m_ui->compareToCombo->setEditText(from);
    });
    for (QComboBox *combo : {m_ui->compareFromCombo, m_ui->compareToCombo}) {
        connect(combo, &QComboBox::activated, this, [this] { m_chosen = true; });
        connect(combo->lineEdit(), &QLineEdit::textEdited, this, [this] { m_chosen = true; });
    }
    connect(m_ui->compareFilterEdit, &QLineEdit::textChanged, this, &ComparePage::fillTree);
    connect(m_ui->compareTypeFilter, &QComboBox::currentIndexChanged, this, &ComparePage::fillTree);
    connect(m_ui->compareTree, &QTreeWidget::currentItemChanged, this, &ComparePage::showSelected);
    connect(m_ui->saveMigrationButton, &QPushButton::clicked, this, &ComparePage::saveMigration);
    fillSources();
    m_ui->compareStatus->setText(tr("Pick two sources and Compare. A folder is built from its migrations in a shadow database, "
                                    "which is dropped afterwards."));
}

ComparePage::~ComparePage()
{
    // A comparison still running is stopped and waited for: it may be dropping a shadow database.
    if (m_job)
        m_job->cancelAndWait();
}

void ComparePage::setFolder(const QString &folder)
{
    m_folder = folder;
    m_ui->saveMigrationButton->setEnabled(false);  // the result was for another folder
    fillSources();
}

void ComparePage::setProfiles(const QList<ConnectionProfile> &profiles)
{
    m_profiles = profiles;
    fillSources();
}

void ComparePage::setOpenConnection(const QString &conninfo, const QString &label, bool local)
{
    m_openConninfo = conninfo;
    m_openLabel = label;
    if (local && qEnvironmentVariableIsEmpty("ATLAS_SHADOW_DSN"))
        m_shadowServer = conninfo;
    fillSources();
}

void ComparePage::fillSources()
{
    for (QComboBox *combo : {m_ui->compareFromCombo, m_ui->compareToCombo}) {
        const QString kept = combo->currentData().toString();
        // Typed text is kept; the label of a source that is gone is not (it is no connection string).
        const QString typed = combo->findText(combo->currentText()) >= 0 ? QString() : combo->currentText();
        combo->blockSignals(true);
        combo->clear();
        if (!m_folder.isEmpty())
            combo->addItem(tr("Migrations folder: %1").arg(QDir::toNativeSeparators(m_folder)), kFolder);
        if (!m_openConninfo.isEmpty())
            combo->addItem(tr("Open connection: %1").arg(m_openLabel), kOpen);
        for (const ConnectionProfile &profile : m_profiles)
            combo->addItem(tr("Profile %1 (%2)").arg(profile.name, environmentName(profile.environment)),
                           QStringLiteral("profile:") + profile.name);
        const int at = combo->findData(kept);
        if (at >= 0 && m_chosen)
            combo->setCurrentIndex(at);
        else if (!typed.isEmpty() && at < 0 && m_chosen)
            combo->setEditText(typed);
        combo->blockSignals(false);
    }
    if (m_chosen)
        return;
    // Until the user picks: from the folder to the open connection (what was done there by hand
    // shows as added), else to the first profile.
    selectSource(m_ui->compareFromCombo, m_folder.isEmpty() ? QString() : kFolder);
    selectSource(m_ui->compareToCombo, !m_openConninfo.isEmpty() ? kOpen
                                       : m_profiles.isEmpty()    ? QString()
                                                                 : QStringLiteral("profile:") + m_profiles.first().name);
}

void ComparePage::selectSource(QComboBox *combo, const QString &spec)
{
    if (spec.isEmpty())
        return;
    const int at = combo->findData(spec);
    if (at >= 0)
        combo->setCurrentIndex(at);
    else
        combo->setEditText(spec);
}

QString ComparePage::specOf(QComboBox *combo) const
{
    const int at = combo->findText(combo->currentText());
    return at >= 0 ? combo->itemData(at).toString() : combo->currentText().trimmed();
}

void ComparePage::resolve(const QString &spec, std::function<void(const SchemaCompareJob::Side &, const QString &)> done)
{
    if ((spec == kFolder && m_folder.isEmpty()) || (spec == kOpen && m_openConninfo.isEmpty()))
        return done({}, spec == kFolder ? tr("no migrations folder is open") : tr("no connection is open"));
    // Never the PG* variables' server, which may be anyone's: a local connection or the one named.
    const bool folder = spec == kFolder || spec.startsWith(QLatin1String("folder:"));
    if (folder && m_shadowServer.isEmpty())
        return done({}, tr("a folder is built in a shadow database on a local server, and none is known: connect to a local "
                           "database (a profile tagged local) or set ATLAS_SHADOW_DSN"));
    SchemaCompareJob::Side side;
    if (spec == kFolder) {
        side.source = {SchemaSource::Kind::Folder, m_folder};
        return done(side, QString());
    }
    if (spec == kOpen) {
        side.source = {SchemaSource::Kind::Connection, m_openLabel};
        side.conninfo = m_openConninfo;
        return done(side, QString());
    }
    QString error;
    side.source = SchemaSource::parse(spec, &error);
    if (!error.isEmpty())
        return done(side, error);
    if (side.source.kind == SchemaSource::Kind::Connection) {
        side.conninfo = spec;
        return done(side, QString());
    }
    if (side.source.kind == SchemaSource::Kind::Folder)
        return done(side, QString());
    const auto profile = std::find_if(m_profiles.cbegin(), m_profiles.cend(), [&](const ConnectionProfile &p) { return p.name == side.source.value; });
    if (profile == m_profiles.cend())
        return done(side, tr("no saved profile is named \"%1\"").arg(side.source.value));
    const ConnectionProfile found = *profile;
    // The keychain answers later: a page gone, or a request cancelled or replaced meanwhile, is
    // left alone.
    QPointer<ComparePage> page(this);
    const int request = m_request;
    m_passwords->read(found.keychainKey(), [page, request, side, found, done](bool ok, const QString &password, bool, const QString &) {
        if (!page || page->m_request != request)
            return;
        SchemaCompareJob::Side withPassword = side;
        withPassword.conninfo = found.conninfo(ok ? password : QString());  // else ~/.pgpass
        done(withPassword, QString());
    });
}

void ComparePage::compare(const QString &from, const QString &to)
{
    if (m_busy) {
        m_ui->compareStatus->setText(tr("A comparison is running: cancel it (Esc) before starting another."));
        return;
    }
    m_chosen = true;
    selectSource(m_ui->compareFromCombo, from);
    selectSource(m_ui->compareToCombo, to);
    compareNow();
}

void ComparePage::compareNow()
{
    if (m_busy)
        return;
    setBusy(true);
    ++m_request;
    m_ui->compareStatus->setText(tr("Reading both schemas …"));
    // Both sources as they are now: what changes while the keychain answers does not count.
    const QString toSpec = specOf(m_ui->compareToCombo);
    m_fromFolder = specOf(m_ui->compareFromCombo) == kFolder;
    resolve(specOf(m_ui->compareFromCombo), [this, toSpec](const SchemaCompareJob::Side &from, const QString &error) {
        if (!error.isEmpty())
            return showResult({}, tr("From: %1").arg(error));
        resolve(toSpec, [this, from](const SchemaCompareJob::Side &to, const QString &error) {
            if (!error.isEmpty())
                return showResult({}, tr("To: %1").arg(error));
            SchemaCompareOptions options;
            options.reorderColumns = m_ui->compareReorderCheck->isChecked();
            m_job = SchemaCompareJob::start(from, to, m_shadowServer,
                                            SchemaScope::fromOptions({}, {}, m_ui->compareManagedCheck->isChecked()), options);
            connect(m_job, &SchemaCompareJob::finished, this, &ComparePage::showResult);
        });
    });
}

void ComparePage::cancel()
{
    if (m_job) {
        m_job->cancel();  // it answers, cancelled
    } else if (m_busy) {
        ++m_request;  // still waiting for the keychain: the answer will be ignored
        showResult({}, tr("cancelled"));
    }
}

void ComparePage::setBusy(bool busy)
{
    m_busy = busy;
    m_ui->compareButton->setEnabled(!busy);
    m_ui->compareCancelButton->setEnabled(busy);
}

void ComparePage::showResult(const SchemaCompareResult &result, const QString &error)
{
    m_job = nullptr;
    setBusy(false);
    m_result = result;
    m_ui->compareUpText->setPlainText(result.equal() ? QString() : result.upScript());
    m_ui->compareDownText->setPlainText(result.equal() ? QString() : result.downScript());
    // A migration for the folder: only what turns the folder's schema into the other side's.
    m_ui->saveMigrationButton->setEnabled(error.isEmpty() && !result.up.statements.isEmpty() && !m_folder.isEmpty() && m_fromFolder);
    m_ui->saveMigrationButton->setToolTip(m_fromFolder || result.equal()
                                              ? tr("Write the migration and its down file into the migrations folder (Ctrl+S)")
                                              : tr("Compare from the migrations folder to save the migration that brings it to the other "
                                                   "side (Ctrl+S)"));
    fillTree();
    if (!error.isEmpty()) {
        m_ui->compareStatus->setText(tr("Not compared: %1").arg(error));
        emit compared(false);
        return;
    }
    int counts[3] = {0, 0, 0};
    for (const SchemaDifference &difference : result.differences)
        ++counts[int(difference.type)];
    m_ui->compareStatus->setText(
        result.equal() ? tr("%1 and %2 have the same schema%3.")
                             .arg(result.from.source, result.to.source,
                                  result.up.warnings.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(result.up.warnings.join(QStringLiteral("; "))))
                       : tr("%1 from %2 to %3: %4 added, %5 removed, %6 changed. The migration has %7 statements, %8 with data loss%9.")
                             .arg(result.differences.size() == 1 ? tr("1 difference") : tr("%1 differences").arg(result.differences.size()))
                             .arg(result.from.source, result.to.source)
                             .arg(counts[0]).arg(counts[1]).arg(counts[2]).arg(result.up.statements.size()).arg(result.up.dataLossCount())
                             .arg(result.up.warnings.isEmpty() ? QString()
                                                               : tr("; %1 it cannot do, listed at the top of the migration")
                                                                     .arg(result.up.warnings.size() == 1 ? tr("1 thing") : tr("%1 things").arg(result.up.warnings.size()))));
    m_ui->compareStatus->setToolTip(result.up.warnings.join(QLatin1Char('\n')));
    emit compared(true);
}

void ComparePage::fillTree()
{
    QTreeWidget *tree = m_ui->compareTree;
    tree->clear();
    const QString filter = m_ui->compareFilterEdit->text().trimmed();
    const int type = m_ui->compareTypeFilter->currentIndex() - 1;  // -1: all
    QHash<QString, QTreeWidgetItem *> kinds;
    for (int i = 0; i < m_result.differences.size(); ++i) {
        const SchemaDifference &difference = m_result.differences.at(i);
        if ((type >= 0 && int(difference.type) != type) || (!filter.isEmpty() && !difference.name.contains(filter, Qt::CaseInsensitive)))
            continue;
        QTreeWidgetItem *&group = kinds[difference.kind];
        if (!group) {
            group = new QTreeWidgetItem(tree, {difference.kind, QString()});
            group->setFirstColumnSpanned(true);
            group->setExpanded(true);
        }
        auto *item = new QTreeWidgetItem(group, {DifferenceLook::word(difference.type), difference.name});
        item->setForeground(0, DifferenceLook::colour(difference.type));
        item->setToolTip(1, difference.name);
        item->setData(0, Qt::UserRole, i);
    }
    for (auto it = kinds.begin(); it != kinds.end(); ++it)
        it.value()->setText(0, QStringLiteral("%1 (%2)").arg(it.key()).arg(it.value()->childCount()));
    tree->sortItems(1, Qt::AscendingOrder);
    tree->resizeColumnToContents(0);
}

void ComparePage::showSelected()
{
    const QTreeWidgetItem *item = m_ui->compareTree->currentItem();
    if (!item || !item->data(0, Qt::UserRole).isValid()) {
        m_ui->compareFromText->clear();
        m_ui->compareToText->clear();
        return;
    }
    const SchemaDifference &difference = m_result.differences.at(item->data(0, Qt::UserRole).toInt());
    m_ui->compareFromText->setPlainText(difference.from);
    m_ui->compareToText->setPlainText(difference.to);
    // The lines aligned as the drift view aligns statements: what either side lacks is coloured.
    const QStringList fromLines = difference.from.isEmpty() ? QStringList() : difference.from.split(QLatin1Char('\n'));
    const QStringList toLines = difference.to.isEmpty() ? QStringList() : difference.to.split(QLatin1Char('\n'));
    QList<bool> removed(fromLines.size(), false), added(toLines.size(), false);
    QList<DifferenceLook::Span> removedSpans, addedSpans;
    for (const StatementDelta &delta : diffStatements(fromLines, toLines)) {
        if (delta.kind == StatementDelta::Kind::Same)
            continue;
        if (delta.recordedIndex >= 0)
            removed[delta.recordedIndex] = true;
        if (delta.fileIndex >= 0)
            added[delta.fileIndex] = true;
        if (delta.kind == StatementDelta::Kind::Changed) {
            const auto [was, becomes] = DifferenceLook::changedSpans(delta.recordedIndex, fromLines.at(delta.recordedIndex),
                                                                     delta.fileIndex, toLines.at(delta.fileIndex));
            removedSpans.append(was);
            addedSpans.append(becomes);
        }
    }
    DifferenceLook::markLines(m_ui->compareFromText, removed, QColor(0xff, 0xd7, 0xd7), removedSpans, QColor(0xff, 0x9e, 0x9e));
    DifferenceLook::markLines(m_ui->compareToText, added, QColor(0xd4, 0xf5, 0xd4), addedSpans, QColor(0x8f, 0xdf, 0x8f));
    // The migration's statements for this object, found in the script; none (a grant that the
    // default privileges give) leaves no earlier object's statement selected.
    QTextCursor start(m_ui->compareUpText->document());
    m_ui->compareUpText->setTextCursor(start);
    for (const GeneratedStatement &statement : m_result.up.statements) {
        if (statement.objectKey != difference.key())
            continue;
        QTextCursor found = m_ui->compareUpText->document()->find(statement.sql.section(QLatin1Char('\n'), 0, 0));
        if (!found.isNull()) {
            m_ui->compareUpText->setTextCursor(found);
            m_ui->compareUpText->centerCursor();
        }
        break;
    }
}

void ComparePage::saveMigration()
{
    const QString name = m_ui->migrationNameEdit->text().trimmed();
    const NewMigrationPlan plan = planNewMigration(m_folder, name.isEmpty() ? QStringLiteral("schema_compare") : name,
                                                   QDateTime::currentDateTimeUtc());
    QString error = plan.error;
    if (plan.ok() && writeNewMigration(plan, m_result.upScript(), m_result.downScript(), &error)) {
        m_ui->compareStatus->setText(tr("Saved %1 and its down file %2. It shows as pending on the Migrations page; where these "
                                        "changes were made by hand already, record it as applied there (Repair) instead of running it.")
                                         .arg(QFileInfo(plan.upPath).fileName(), QDir(m_folder).relativeFilePath(plan.downPath)));
        m_ui->saveMigrationButton->setEnabled(false);  // saved once: compare again for another
        emit migrationSaved(plan.version);
        return;
    }
    m_ui->compareStatus->setText(tr("Not saved: %1").arg(error));
}

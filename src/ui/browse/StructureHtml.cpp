#include "ui/browse/StructureHtml.h"

#include "ui/common/DarkPalette.h"

#include <QCoreApplication>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BrowserPage", text);
}

}  // namespace

QString structureHtml(const QString &schema, const QString &table, const RelationStructure &s)
{
    // PostgreSQL 14+ says -1 rows for a table never vacuumed or analysed: no estimate yet.
    const QString rows = s.estimatedRows < 0 ? tr("rows not estimated yet (never analysed)") : tr("~%L1 rows (estimate)").arg(s.estimatedRows);
    QString html = QStringLiteral("<h3>%1.%2</h3><p>%3 on disk · %4 · RLS %5%6</p>")
                       .arg(schema.toHtmlEscaped(), table.toHtmlEscaped(), s.size, rows)
                       .arg(s.rowSecurity ? tr("on") : tr("<b style='color:#b00020'>off</b>"),
                            s.forceRowSecurity ? tr(" (forced)") : QString());
    // One paragraph a column, not a table: a narrow pane then wraps between the words, where a
    // table's narrow cells cut the names themselves ("convers / ation_c / ount").
    html += QStringLiteral("<h4>Columns</h4>");
    const QString quiet = DarkPalette::isActive() ? QStringLiteral("#aaaaaa") : QStringLiteral("#555555");
    for (const ColumnInfo &c : s.columns) {
        QStringList facts{c.type.toHtmlEscaped()};
        if (c.notNull)
            facts << QStringLiteral("not null");
        if (!c.defaultValue.isEmpty())
            facts << QStringLiteral("default ") + c.defaultValue.toHtmlEscaped();
        html += QStringLiteral("<p style='margin-top:2px; margin-bottom:2px'><b>%1</b> <span style='color:%3'>%2</span></p>")
                    .arg(c.name.toHtmlEscaped(), facts.join(QStringLiteral(" · ")), quiet);
    }
    const auto list = [&html](const QString &title, const QStringList &items) {
        html += QStringLiteral("<h4>%1</h4>").arg(title);
        if (items.isEmpty())
            html += QStringLiteral("<p><i>none</i></p>");
        for (const QString &item : items)
            html += QStringLiteral("<p style='margin:2px'>%1</p>").arg(item.toHtmlEscaped());
    };
    list(tr("Key used for paging"),
         {s.keyColumns.isEmpty() ? tr("none: rows are paged by their physical id (ctid)") : s.keyColumns.join(QStringLiteral(", "))});
    list(tr("Constraints"), s.constraints);
    list(tr("Indexes"), s.indexes);
    list(tr("Policies"), s.policies);
    list(tr("Triggers"), s.triggers);
    list(tr("Grants"), s.grants);
    return html;
}

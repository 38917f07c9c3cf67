#include "app/cli/AdviseVerb.h"

#include "app/cli/CliOptions.h"
#include "app/cli/CliOutput.h"
#include "app/cli/ExitCode.h"
#include "core/advise/Advisors.h"
#include "core/text/TextTable.h"
#include "db/advise/AdvisorRunner.h"
#include "db/pg/PgConnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

int CliVerbs::advise(const CliOptions &options, CliOutput &output, PgConnection &connection)
{
    QList<AdvisorFinding> findings;
    const PgResult result = runAdvisors(connection, {QStringLiteral("public"), QStringLiteral("graphql_public")}, &findings);
    if (!result.ok())
        return output.fail(ExitCode::Failed, QStringLiteral("could not run the advisors: %1").arg(result.error().toString()));
    const bool error = std::any_of(findings.cbegin(), findings.cend(),
                                   [](const AdvisorFinding &f) { return f.level == AdvisorCheck::Level::Error; });
    const int code = error ? int(ExitCode::Failed) : int(ExitCode::Ok);
    if (options.json) {
        QJsonArray array;
        for (const AdvisorFinding &finding : findings)
            array.append(QJsonObject{{"check", finding.check}, {"level", advisorLevelName(finding.level)}, {"object", finding.object},
                                     {"detail", finding.detail}, {"fix", finding.fix}});
        output.out() << QJsonDocument(QJsonObject{{"database", connection.database()}, {"advisors", array}, {"ok", code == ExitCode::Ok}})
                            .toJson(QJsonDocument::Indented);
        return code;
    }
    TextTable table({QStringLiteral("LEVEL"), QStringLiteral("CHECK"), QStringLiteral("OBJECT"), QStringLiteral("DETAIL")});
    for (const AdvisorFinding &finding : findings) {
        const QString level = advisorLevelName(finding.level);
        table.addRow({level, finding.check, finding.object, finding.detail},
                     {finding.level == AdvisorCheck::Level::Error ? QStringLiteral("31")
                                                                  : finding.level == AdvisorCheck::Level::Warning ? QStringLiteral("33") : QString(),
                      QString(), QString(), QString()});
    }
    if (!findings.isEmpty())
        output.out() << table.render(output.colour());
    for (const AdvisorFinding &finding : findings)
        output.out() << QStringLiteral("fix %1 (%2): %3\n").arg(finding.object, finding.check, finding.fix);
    output.out() << QStringLiteral("%1 findings on %2 (%3 checks)\n").arg(findings.size()).arg(connection.database()).arg(advisorChecks().size());
    return code;
}

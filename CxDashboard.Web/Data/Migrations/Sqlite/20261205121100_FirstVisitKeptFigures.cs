using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// What the dashboard's first visit of a quarter reads, bounded: the agreed metrics' sums kept per quarter
    /// (<see cref="MetricQuarterFigures"/>) and the actions counted per status, due date and team
    /// (<see cref="TeamActionCounts"/>), each a table with its triggers counted once from its rows here; and the open
    /// issues' index in the top friction's order (severity, then age).
    /// </summary>
    public partial class FirstVisitKeptFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FrictionIssues_Status_Severity",
                table: "FrictionIssues");

            migrationBuilder.CreateIndex(
                name: "IX_FrictionIssues_Status_Severity_CreatedAt",
                table: "FrictionIssues",
                columns: new[] { "Status", "Severity", "CreatedAt" },
                descending: new[] { false, true, false });

            migrationBuilder.Sql(TeamActionCounts.SqliteCreateTableSql);
            migrationBuilder.Sql(TeamActionCounts.SqliteCreateTriggersSql);
            migrationBuilder.Sql(TeamActionCounts.SqliteRebuildSql);
            migrationBuilder.Sql(MetricQuarterFigures.SqliteCreateTableSql);
            migrationBuilder.Sql(MetricQuarterFigures.SqliteCreateTriggersSql);
            migrationBuilder.Sql(MetricQuarterFigures.SqliteRebuildSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(MetricQuarterFigures.SqliteDropTriggersSql);
            migrationBuilder.Sql(MetricQuarterFigures.SqliteDropTableSql);
            migrationBuilder.Sql(TeamActionCounts.SqliteDropTriggersSql);
            migrationBuilder.Sql(TeamActionCounts.SqliteDropTableSql);

            migrationBuilder.DropIndex(
                name: "IX_FrictionIssues_Status_Severity_CreatedAt",
                table: "FrictionIssues");

            migrationBuilder.CreateIndex(
                name: "IX_FrictionIssues_Status_Severity",
                table: "FrictionIssues",
                columns: new[] { "Status", "Severity" });
        }
    }
}

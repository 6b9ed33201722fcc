using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// What the dashboard's first visit of a quarter reads, bounded: the actions counted per status, due date and team
    /// (<see cref="TeamActionCounts"/>), an indexed view that SQL Server fills when its index is built, and the open
    /// issues' index in the top friction's order (severity, then age). The agreed metrics' sums per quarter are kept on
    /// SQLite only (<see cref="MetricQuarterFigures"/>).
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

            migrationBuilder.Sql(TeamActionCounts.SqlServerCreateViewSql);
            migrationBuilder.Sql(TeamActionCounts.SqlServerIndexViewSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(TeamActionCounts.SqlServerDropViewSql);

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

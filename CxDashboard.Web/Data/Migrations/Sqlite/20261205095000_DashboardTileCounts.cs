using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.Sqlite
{
    /// <summary>
    /// The home tiles' counts kept by the database (<see cref="TileCounts"/>): two small tables, their triggers, and
    /// a first count from the Actions and FrictionIssues tables (one pass each).
    /// </summary>
    public partial class DashboardTileCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(TileCounts.SqliteCreateTablesSql);
            migrationBuilder.Sql(TileCounts.SqliteCreateTriggersSql);
            migrationBuilder.Sql(TileCounts.SqliteRebuildSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(TileCounts.SqliteDropTriggersSql);
            migrationBuilder.Sql(TileCounts.SqliteDropTablesSql);
        }
    }
}

using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.SqlServer
{
    /// <summary>
    /// The home tiles' counts kept by the database (<see cref="TileCounts"/>): two indexed views, which SQL Server
    /// fills from the Actions and FrictionIssues tables when their indexes are built.
    /// </summary>
    public partial class DashboardTileCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(TileCounts.SqlServerCreateViewsSql);
            migrationBuilder.Sql(TileCounts.SqlServerIndexViewsSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(TileCounts.SqlServerDropViewsSql);
        }
    }
}

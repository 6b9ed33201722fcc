using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ThemeDailyFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Indexed views: SQL Server counts the existing feedback and tags as it builds each view's index
            // and keeps them in step from then on.
            migrationBuilder.Sql(ThemeDayCounts.SqlServerCreateFeedbackViewSql);
            migrationBuilder.Sql(ThemeDayCounts.SqlServerIndexFeedbackViewSql);
            migrationBuilder.Sql(ThemeDayCounts.SqlServerCreateThemesViewSql);
            migrationBuilder.Sql(ThemeDayCounts.SqlServerIndexThemesViewSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ThemeDayCounts.SqlServerDropViewsSql);
        }
    }
}

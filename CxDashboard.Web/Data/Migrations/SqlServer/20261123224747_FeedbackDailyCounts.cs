using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FeedbackDailyCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MetricValues_ChannelId",
                table: "MetricValues");

            migrationBuilder.DropIndex(
                name: "IX_Feedback_FollowUpStatus_FollowUpDueAt",
                table: "Feedback");

            migrationBuilder.CreateIndex(
                name: "IX_MetricValues_ChannelId_PeriodStart_MetricDefinitionId_PeriodKind_Value_SampleSize",
                table: "MetricValues",
                columns: new[] { "ChannelId", "PeriodStart", "MetricDefinitionId", "PeriodKind", "Value", "SampleSize" });

            migrationBuilder.CreateIndex(
                name: "IX_FrictionIssues_Status_ClosedAt_Told",
                table: "FrictionIssues",
                columns: new[] { "Status", "ClosedAt", "Told" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_FollowUpStatus_FollowUpDueAt_ContactedAt",
                table: "Feedback",
                columns: new[] { "FollowUpStatus", "FollowUpDueAt", "ContactedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_Status_CompletedAt_QuickWin",
                table: "Actions",
                columns: new[] { "Status", "CompletedAt", "QuickWin" });

            // The daily counts are indexed views: SQL Server counts the existing feedback as it builds each
            // view's index and keeps them in step from then on.
            migrationBuilder.Sql(FeedbackDayCounts.SqlServerCreateVolumeViewSql);
            migrationBuilder.Sql(FeedbackDayCounts.SqlServerIndexVolumeViewSql);
            migrationBuilder.Sql(FeedbackDayCounts.SqlServerCreateScoresViewSql);
            migrationBuilder.Sql(FeedbackDayCounts.SqlServerIndexScoresViewSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(FeedbackDayCounts.SqlServerDropViewsSql);

            migrationBuilder.DropIndex(
                name: "IX_MetricValues_ChannelId_PeriodStart_MetricDefinitionId_PeriodKind_Value_SampleSize",
                table: "MetricValues");

            migrationBuilder.DropIndex(
                name: "IX_FrictionIssues_Status_ClosedAt_Told",
                table: "FrictionIssues");

            migrationBuilder.DropIndex(
                name: "IX_Feedback_FollowUpStatus_FollowUpDueAt_ContactedAt",
                table: "Feedback");

            migrationBuilder.DropIndex(
                name: "IX_Actions_Status_CompletedAt_QuickWin",
                table: "Actions");

            migrationBuilder.CreateIndex(
                name: "IX_MetricValues_ChannelId",
                table: "MetricValues",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_FollowUpStatus_FollowUpDueAt",
                table: "Feedback",
                columns: new[] { "FollowUpStatus", "FollowUpDueAt" });
        }
    }
}

using System;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.Sqlite
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

            migrationBuilder.CreateTable(
                name: "FeedbackDailyScores",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoreScale = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackDailyScores", x => new { x.ScoreScale, x.Day, x.ChannelId, x.Score });
                });

            migrationBuilder.CreateTable(
                name: "FeedbackDailyVolume",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sentiment = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackDailyVolume", x => new { x.Day, x.ChannelId, x.Sentiment });
                });

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

            // The daily counts' triggers, and their first count of the existing feedback.
            migrationBuilder.Sql(FeedbackDayCounts.SqliteCreateTriggersSql);
            migrationBuilder.Sql(FeedbackDayCounts.SqliteRebuildSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(FeedbackDayCounts.SqliteDropTriggersSql);

            migrationBuilder.DropTable(
                name: "FeedbackDailyScores");

            migrationBuilder.DropTable(
                name: "FeedbackDailyVolume");

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

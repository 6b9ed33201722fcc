using System;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ThemeDailyFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FeedbackDailyFigures",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<int>(type: "INTEGER", nullable: false),
                    JourneyStageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sentiment = table.Column<int>(type: "INTEGER", nullable: false),
                    NpsBand = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackDailyFigures", x => new { x.Day, x.ChannelId, x.JourneyStageId, x.Sentiment, x.NpsBand });
                });

            migrationBuilder.CreateTable(
                name: "ThemeDailyFigures",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChannelId = table.Column<int>(type: "INTEGER", nullable: false),
                    JourneyStageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sentiment = table.Column<int>(type: "INTEGER", nullable: false),
                    NpsBand = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThemeDailyFigures", x => new { x.Day, x.ThemeId, x.ChannelId, x.JourneyStageId, x.Sentiment, x.NpsBand });
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackDailyFigures_Day_ChannelId_JourneyStageId_Sentiment_NpsBand_Count",
                table: "FeedbackDailyFigures",
                columns: new[] { "Day", "ChannelId", "JourneyStageId", "Sentiment", "NpsBand", "Count" });

            migrationBuilder.CreateIndex(
                name: "IX_ThemeDailyFigures_Day_ThemeId_ChannelId_JourneyStageId_Sentiment_NpsBand_Count",
                table: "ThemeDailyFigures",
                columns: new[] { "Day", "ThemeId", "ChannelId", "JourneyStageId", "Sentiment", "NpsBand", "Count" });

            // The triggers that keep the counts, and their first count of the existing feedback and tags.
            migrationBuilder.Sql(ThemeDayCounts.SqliteCreateTriggersSql);
            migrationBuilder.Sql(ThemeDayCounts.SqliteRebuildSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ThemeDayCounts.SqliteDropTriggersSql);

            migrationBuilder.DropTable(
                name: "FeedbackDailyFigures");

            migrationBuilder.DropTable(
                name: "ThemeDailyFigures");
        }
    }
}

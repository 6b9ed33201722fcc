using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DropFeedbackScoreIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Feedback_ScoreScale_ReceivedAt_ChannelId_Score",
                table: "Feedback");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Feedback_ScoreScale_ReceivedAt_ChannelId_Score",
                table: "Feedback",
                columns: new[] { "ScoreScale", "ReceivedAt", "ChannelId", "Score" });
        }
    }
}

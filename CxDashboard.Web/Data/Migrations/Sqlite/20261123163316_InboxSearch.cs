using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InboxSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ScoreSortKey",
                table: "Feedback",
                type: "INTEGER",
                nullable: false,
                computedColumnSql: "COALESCE(Score, -1)",
                stored: false);

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_FollowUpStatus_ReceivedAt_Id_FollowUpDueAt",
                table: "Feedback",
                columns: new[] { "FollowUpStatus", "ReceivedAt", "Id", "FollowUpDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_ScoreSortKey_ReceivedAt_Id",
                table: "Feedback",
                columns: new[] { "ScoreSortKey", "ReceivedAt", "Id" });

            // The full-text index of the verbatims, its triggers, and its first build from the existing rows.
            migrationBuilder.Sql(FeedbackSearchIndex.CreateTableSql);
            migrationBuilder.Sql(FeedbackSearchIndex.CreateTriggersSql);
            migrationBuilder.Sql(FeedbackSearchIndex.RebuildSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(FeedbackSearchIndex.DropTriggersSql);
            migrationBuilder.Sql(FeedbackSearchIndex.DropTableSql);

            migrationBuilder.DropIndex(
                name: "IX_Feedback_FollowUpStatus_ReceivedAt_Id_FollowUpDueAt",
                table: "Feedback");

            migrationBuilder.DropIndex(
                name: "IX_Feedback_ScoreSortKey_ReceivedAt_Id",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "ScoreSortKey",
                table: "Feedback");
        }
    }
}

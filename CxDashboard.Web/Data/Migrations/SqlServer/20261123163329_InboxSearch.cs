using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.SqlServer
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
                type: "int",
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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

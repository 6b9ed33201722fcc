using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NotificationChoicesAndDigests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DigestId",
                table: "Notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ForDigest",
                table: "Notifications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "NotificationDigests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecipientPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EmailStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    EmailDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EmailAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    EmailSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EmailError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LeasedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeasedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationDigests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotificationDigests_People_RecipientPersonId",
                        column: x => x.RecipientPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NotificationPreferences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationPreferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NotificationPreferences_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_ForDigest_DigestId_RecipientPersonId",
                table: "Notifications",
                columns: new[] { "ForDigest", "DigestId", "RecipientPersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationDigests_EmailStatus_EmailDueAt",
                table: "NotificationDigests",
                columns: new[] { "EmailStatus", "EmailDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationDigests_RecipientPersonId_Day",
                table: "NotificationDigests",
                columns: new[] { "RecipientPersonId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NotificationPreferences_PersonId_Kind",
                table: "NotificationPreferences",
                columns: new[] { "PersonId", "Kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "NotificationDigests");

            migrationBuilder.DropTable(
                name: "NotificationPreferences");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_ForDigest_DigestId_RecipientPersonId",
                table: "Notifications");

            // EF Core's SQLite provider refuses these two drops on the way down (NotSupportedException); SQLite 3.35 and later drops a column no index uses itself.
            migrationBuilder.Sql("ALTER TABLE \"Notifications\" DROP COLUMN \"DigestId\";");
            migrationBuilder.Sql("ALTER TABLE \"Notifications\" DROP COLUMN \"ForDigest\";");
        }
    }
}

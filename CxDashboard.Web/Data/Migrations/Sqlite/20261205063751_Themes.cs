using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Themes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Themes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ParentThemeId = table.Column<int>(type: "INTEGER", nullable: true),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    TaggedRule = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Themes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Themes_People_OwnerPersonId",
                        column: x => x.OwnerPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Themes_Themes_ParentThemeId",
                        column: x => x.ParentThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackThemes",
                columns: table => new
                {
                    FeedbackItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackThemes", x => new { x.FeedbackItemId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_FeedbackThemes_Feedback_FeedbackItemId",
                        column: x => x.FeedbackItemId,
                        principalTable: "Feedback",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackThemes_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FrictionIssueThemes",
                columns: table => new
                {
                    FrictionIssueId = table.Column<int>(type: "INTEGER", nullable: false),
                    ThemeId = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkedByPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrictionIssueThemes", x => new { x.FrictionIssueId, x.ThemeId });
                    table.ForeignKey(
                        name: "FK_FrictionIssueThemes_FrictionIssues_FrictionIssueId",
                        column: x => x.FrictionIssueId,
                        principalTable: "FrictionIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FrictionIssueThemes_People_LinkedByPersonId",
                        column: x => x.LinkedByPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FrictionIssueThemes_Themes_ThemeId",
                        column: x => x.ThemeId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackThemes_ThemeId_FeedbackItemId",
                table: "FeedbackThemes",
                columns: new[] { "ThemeId", "FeedbackItemId" });

            migrationBuilder.CreateIndex(
                name: "IX_FrictionIssueThemes_LinkedByPersonId",
                table: "FrictionIssueThemes",
                column: "LinkedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_FrictionIssueThemes_ThemeId",
                table: "FrictionIssueThemes",
                column: "ThemeId");

            migrationBuilder.CreateIndex(
                name: "IX_Themes_OwnerPersonId",
                table: "Themes",
                column: "OwnerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Themes_ParentThemeId_Name",
                table: "Themes",
                columns: new[] { "ParentThemeId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FeedbackThemes");

            migrationBuilder.DropTable(
                name: "FrictionIssueThemes");

            migrationBuilder.DropTable(
                name: "Themes");
        }
    }
}

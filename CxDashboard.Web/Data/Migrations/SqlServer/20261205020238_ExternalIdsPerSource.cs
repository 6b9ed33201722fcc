using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ExternalIdsPerSource : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Feedback_ExternalId",
                table: "Feedback");

            migrationBuilder.AddColumn<string>(
                name: "ExternalKey",
                table: "Feedback",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalSource",
                table: "Feedback",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            // Until now every external id was in one namespace. Each stored one is given the source that sent it,
            // read from what was stored: the entry that audited its creation names the API key, or the person whose
            // token sent it; without such an entry it came from a CSV import (which audits one entry per file).
            // Ids that differ only in case could be stored twice from one source (on SQLite, which compared them
            // ordinally): the oldest keeps the id as its key and the later ones stop claiming it (their key is
            // left empty). Their feedback, follow-ups and the id shown with them all stay, and the migration
            // never stops on them.
            // In EXEC, so that the idempotent script compiles before the columns exist.
            migrationBuilder.Sql("""
                EXEC(N'UPDATE [Feedback] SET
                    [ExternalSource] = COALESCE(
                        (SELECT TOP (1) a.[ActorName] FROM [AuditEntries] AS a
                         WHERE a.[EntityType] = N''FeedbackItem'' AND a.[EntityId] = CAST([Feedback].[Id] AS nvarchar(100)) AND a.[Action] = 1
                           AND a.[ActorPersonId] IS NULL AND a.[ActorName] LIKE N''API key: %''
                         ORDER BY a.[Id]),
                        (SELECT TOP (1) N''Token: person '' + CAST(a.[ActorPersonId] AS nvarchar(20)) FROM [AuditEntries] AS a
                         WHERE a.[EntityType] = N''FeedbackItem'' AND a.[EntityId] = CAST([Feedback].[Id] AS nvarchar(100)) AND a.[Action] = 1
                           AND a.[ActorPersonId] IS NOT NULL
                         ORDER BY a.[Id]),
                        N''Import: CSV import''),
                    [ExternalKey] = UPPER(TRIM([ExternalId]))
                WHERE [ExternalId] IS NOT NULL')
                """);
            migrationBuilder.Sql("""
                EXEC(N'UPDATE [Feedback] SET [ExternalKey] = NULL
                WHERE [ExternalKey] IS NOT NULL AND EXISTS (
                    SELECT 1 FROM [Feedback] AS earlier
                    WHERE earlier.[ExternalSource] = [Feedback].[ExternalSource] AND earlier.[ExternalKey] = [Feedback].[ExternalKey]
                      AND earlier.[Id] < [Feedback].[Id])')
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_ExternalSource_ExternalKey",
                table: "Feedback",
                columns: new[] { "ExternalSource", "ExternalKey" },
                unique: true,
                filter: "ExternalKey IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Feedback_ExternalSource_ExternalKey",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "ExternalKey",
                table: "Feedback");

            migrationBuilder.DropColumn(
                name: "ExternalSource",
                table: "Feedback");

            // Only possible while no two sources share an id: the old model held one namespace.
            migrationBuilder.CreateIndex(
                name: "IX_Feedback_ExternalId",
                table: "Feedback",
                column: "ExternalId",
                unique: true,
                filter: "ExternalId IS NOT NULL");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScrubSecretsFromAuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // API keys were audited with their secret's hash before the recorder left secrets out;
            // the hash is taken out of those entries, which keep who created or revoked which key, and when.
            migrationBuilder.Sql("""
                UPDATE "AuditEntries" SET "After" = json_remove("After", '$.SecretHash') WHERE "EntityType" = 'ApiKey' AND json_valid("After") AND json_type("After", '$.SecretHash') IS NOT NULL;
                """);
            migrationBuilder.Sql("""
                UPDATE "AuditEntries" SET "Before" = json_remove("Before", '$.SecretHash') WHERE "EntityType" = 'ApiKey' AND json_valid("Before") AND json_type("Before", '$.SecretHash') IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // What was removed is not kept anywhere, by design.
        }
    }
}

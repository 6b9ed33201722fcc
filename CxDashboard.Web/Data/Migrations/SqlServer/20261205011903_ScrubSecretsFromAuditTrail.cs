using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.SqlServer
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
                UPDATE [AuditEntries] SET [After] = JSON_MODIFY([After], '$.SecretHash', NULL) WHERE [EntityType] = N'ApiKey' AND ISJSON([After]) = 1 AND [After] LIKE N'%"SecretHash"%';
                """);
            migrationBuilder.Sql("""
                UPDATE [AuditEntries] SET [Before] = JSON_MODIFY([Before], '$.SecretHash', NULL) WHERE [EntityType] = N'ApiKey' AND ISJSON([Before]) = 1 AND [Before] LIKE N'%"SecretHash"%';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // What was removed is not kept anywhere, by design.
        }
    }
}

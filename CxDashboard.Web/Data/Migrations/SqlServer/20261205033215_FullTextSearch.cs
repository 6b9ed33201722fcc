using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The full-text index of the verbatims, where the server has Full-Text Search; elsewhere nothing, and
            // the inbox searches with LIKE. Full-text DDL refuses to run inside a transaction.
            migrationBuilder.Sql(SqlServerSearchIndex.CreateCatalogSql, suppressTransaction: true);
            migrationBuilder.Sql(SqlServerSearchIndex.CreateIndexSql, suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SqlServerSearchIndex.DropIndexSql, suppressTransaction: true);
            migrationBuilder.Sql(SqlServerSearchIndex.DropCatalogSql, suppressTransaction: true);
        }
    }
}

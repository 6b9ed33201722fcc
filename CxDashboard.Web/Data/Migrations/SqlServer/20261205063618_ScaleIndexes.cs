using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ScaleIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CustomerReferenceIndex.SqlServerCreateColumnSql);
            migrationBuilder.Sql(CustomerReferenceIndex.SqlServerCreateIndexSql);
            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_At_Id",
                table: "AuditEntries",
                columns: new[] { "EntityType", "At", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CustomerReferenceIndex.SqlServerDropSql);
            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EntityType_At_Id",
                table: "AuditEntries");
        }
    }
}

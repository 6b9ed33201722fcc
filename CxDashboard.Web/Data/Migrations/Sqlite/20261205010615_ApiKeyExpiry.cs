using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ApiKeyExpiry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ExpiresAt",
                table: "ApiKeys",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            // Keys made before keys had an expiry get the default lifetime from the day this runs: none stays
            // valid for ever, and none stops working without Admins seeing the date first.
            migrationBuilder.Sql("UPDATE \"ApiKeys\" SET \"ExpiresAt\" = strftime('%Y-%m-%d %H:%M:%S', 'now', '+90 days');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExpiresAt",
                table: "ApiKeys");
        }
    }
}

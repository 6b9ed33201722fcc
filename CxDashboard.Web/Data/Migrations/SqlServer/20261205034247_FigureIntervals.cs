using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FigureIntervals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MetricValues_ChannelId_PeriodStart_MetricDefinitionId_PeriodKind_Value_SampleSize",
                table: "MetricValues");

            migrationBuilder.AddColumn<double>(
                name: "High",
                table: "MetricValues",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Low",
                table: "MetricValues",
                type: "float",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinimumSampleSize",
                table: "Metrics",
                type: "int",
                nullable: false,
                // Metrics that exist already ask for the same minimum as new ones.
                defaultValue: 30);

            migrationBuilder.CreateIndex(
                name: "IX_MetricValues_ChannelId_PeriodStart_MetricDefinitionId_PeriodKind_Value_SampleSize_Low_High",
                table: "MetricValues",
                columns: new[] { "ChannelId", "PeriodStart", "MetricDefinitionId", "PeriodKind", "Value", "SampleSize", "Low", "High" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_MetricValues_ChannelId_PeriodStart_MetricDefinitionId_PeriodKind_Value_SampleSize_Low_High",
                table: "MetricValues");

            migrationBuilder.DropColumn(
                name: "High",
                table: "MetricValues");

            migrationBuilder.DropColumn(
                name: "Low",
                table: "MetricValues");

            migrationBuilder.DropColumn(
                name: "MinimumSampleSize",
                table: "Metrics");

            migrationBuilder.CreateIndex(
                name: "IX_MetricValues_ChannelId_PeriodStart_MetricDefinitionId_PeriodKind_Value_SampleSize",
                table: "MetricValues",
                columns: new[] { "ChannelId", "PeriodStart", "MetricDefinitionId", "PeriodKind", "Value", "SampleSize" });
        }
    }
}

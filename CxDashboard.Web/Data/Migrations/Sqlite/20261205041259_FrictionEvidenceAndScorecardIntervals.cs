using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FrictionEvidenceAndScorecardIntervals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ChangeVerdict",
                table: "ScorecardLine",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangeWording",
                table: "ScorecardLine",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "High",
                table: "ScorecardLine",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Low",
                table: "ScorecardLine",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinimumSampleSize",
                table: "ScorecardLine",
                type: "INTEGER",
                nullable: false,
                // Lines published before figures carried their answers ask for the default minimum.
                defaultValue: 30);

            migrationBuilder.AddColumn<double>(
                name: "PreviousHigh",
                table: "ScorecardLine",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "PreviousLow",
                table: "ScorecardLine",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreviousSampleSize",
                table: "ScorecardLine",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SampleSize",
                table: "ScorecardLine",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "AfterHigh",
                table: "LinkedMetric",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "AfterLow",
                table: "LinkedMetric",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AfterPeriod",
                table: "LinkedMetric",
                type: "TEXT",
                unicode: false,
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AfterSampleSize",
                table: "LinkedMetric",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "BeforeHigh",
                table: "LinkedMetric",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "BeforeLow",
                table: "LinkedMetric",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BeforePeriod",
                table: "LinkedMetric",
                type: "TEXT",
                unicode: false,
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BeforeSampleSize",
                table: "LinkedMetric",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Finding",
                table: "LinkedMetric",
                type: "TEXT",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReasonGivenAt",
                table: "LinkedMetric",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReasonGivenByPersonId",
                table: "LinkedMetric",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReasonToCloseWithoutImprovement",
                table: "LinkedMetric",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Verdict",
                table: "LinkedMetric",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_LinkedMetric_ReasonGivenByPersonId",
                table: "LinkedMetric",
                column: "ReasonGivenByPersonId");

            migrationBuilder.AddForeignKey(
                name: "FK_LinkedMetric_People_ReasonGivenByPersonId",
                table: "LinkedMetric",
                column: "ReasonGivenByPersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_LinkedMetric_People_ReasonGivenByPersonId",
                table: "LinkedMetric");

            migrationBuilder.DropIndex(
                name: "IX_LinkedMetric_ReasonGivenByPersonId",
                table: "LinkedMetric");

            migrationBuilder.DropColumn(
                name: "ChangeVerdict",
                table: "ScorecardLine");

            migrationBuilder.DropColumn(
                name: "ChangeWording",
                table: "ScorecardLine");

            migrationBuilder.DropColumn(
                name: "High",
                table: "ScorecardLine");

            migrationBuilder.DropColumn(
                name: "Low",
                table: "ScorecardLine");

            migrationBuilder.DropColumn(
                name: "MinimumSampleSize",
                table: "ScorecardLine");

            migrationBuilder.DropColumn(
                name: "PreviousHigh",
                table: "ScorecardLine");

            migrationBuilder.DropColumn(
                name: "PreviousLow",
                table: "ScorecardLine");

            migrationBuilder.DropColumn(
                name: "PreviousSampleSize",
                table: "ScorecardLine");

            migrationBuilder.DropColumn(
                name: "SampleSize",
                table: "ScorecardLine");

            migrationBuilder.DropColumn(
                name: "AfterHigh",
                table: "LinkedMetric");

            migrationBuilder.DropColumn(
                name: "AfterLow",
                table: "LinkedMetric");

            migrationBuilder.DropColumn(
                name: "AfterPeriod",
                table: "LinkedMetric");

            migrationBuilder.DropColumn(
                name: "AfterSampleSize",
                table: "LinkedMetric");

            migrationBuilder.DropColumn(
                name: "BeforeHigh",
                table: "LinkedMetric");

            migrationBuilder.DropColumn(
                name: "BeforeLow",
                table: "LinkedMetric");

            migrationBuilder.DropColumn(
                name: "BeforePeriod",
                table: "LinkedMetric");

            migrationBuilder.DropColumn(
                name: "BeforeSampleSize",
                table: "LinkedMetric");

            migrationBuilder.DropColumn(
                name: "Finding",
                table: "LinkedMetric");

            migrationBuilder.DropColumn(
                name: "ReasonGivenAt",
                table: "LinkedMetric");

            migrationBuilder.DropColumn(
                name: "ReasonGivenByPersonId",
                table: "LinkedMetric");

            migrationBuilder.DropColumn(
                name: "ReasonToCloseWithoutImprovement",
                table: "LinkedMetric");

            migrationBuilder.DropColumn(
                name: "Verdict",
                table: "LinkedMetric");
        }
    }
}

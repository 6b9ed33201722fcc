using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CxDashboard.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Before = table.Column<string>(type: "TEXT", nullable: true),
                    After = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "JourneyStages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JourneyStages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ActionNote",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActionItemId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    NewStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionNote", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Actions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OwnerPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    BlockedReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    QuickWin = table.Column<bool>(type: "INTEGER", nullable: false),
                    Impact = table.Column<int>(type: "INTEGER", nullable: false),
                    Effort = table.Column<int>(type: "INTEGER", nullable: false),
                    FrictionIssueId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedByPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Actions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Channels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OwningTeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Channels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContributingTeam",
                columns: table => new
                {
                    FrictionIssueId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContributingTeam", x => new { x.FrictionIssueId, x.TeamId });
                });

            migrationBuilder.CreateTable(
                name: "Decision",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RecordedByPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decision", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Feedback",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<int>(type: "INTEGER", nullable: false),
                    JourneyStageId = table.Column<int>(type: "INTEGER", nullable: true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Sentiment = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoreScale = table.Column<int>(type: "INTEGER", nullable: true),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    ScoreBand = table.Column<int>(type: "INTEGER", nullable: true),
                    Verbatim = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CustomerRef = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecordedByPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    FrictionIssueId = table.Column<int>(type: "INTEGER", nullable: true),
                    FollowUpStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    FollowUpOwnerPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    FollowUpDueAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ContactedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FollowUpResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FollowUpNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Feedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Feedback_Channels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "Channels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Feedback_JourneyStages_JourneyStageId",
                        column: x => x.JourneyStageId,
                        principalTable: "JourneyStages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FrictionChannel",
                columns: table => new
                {
                    FrictionIssueId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChannelId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrictionChannel", x => new { x.FrictionIssueId, x.ChannelId });
                    table.ForeignKey(
                        name: "FK_FrictionChannel_Channels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "Channels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FrictionIssues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    JourneyStageId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Severity = table.Column<int>(type: "INTEGER", nullable: false),
                    CustomersAffected = table.Column<int>(type: "INTEGER", nullable: false),
                    RootCause = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OwningTeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCrossChannel = table.Column<bool>(type: "INTEGER", nullable: false),
                    WontFixReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Told = table.Column<int>(type: "INTEGER", nullable: false),
                    ToldHow = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ToldAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedByPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrictionIssues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FrictionIssues_JourneyStages_JourneyStageId",
                        column: x => x.JourneyStageId,
                        principalTable: "JourneyStages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FrictionStatusChange",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FrictionIssueId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrictionStatusChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FrictionStatusChange_FrictionIssues_FrictionIssueId",
                        column: x => x.FrictionIssueId,
                        principalTable: "FrictionIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LinkedMetric",
                columns: table => new
                {
                    FrictionIssueId = table.Column<int>(type: "INTEGER", nullable: false),
                    MetricDefinitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Before = table.Column<double>(type: "REAL", nullable: true),
                    After = table.Column<double>(type: "REAL", nullable: true),
                    CheckedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkedMetric", x => new { x.FrictionIssueId, x.MetricDefinitionId });
                    table.ForeignKey(
                        name: "FK_LinkedMetric_FrictionIssues_FrictionIssueId",
                        column: x => x.FrictionIssueId,
                        principalTable: "FrictionIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MetricEvent",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MetricDefinitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    RevisionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MetricEvent", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MetricRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MetricDefinitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Formula = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DataSource = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Unit = table.Column<int>(type: "INTEGER", nullable: false),
                    Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    Aggregation = table.Column<int>(type: "INTEGER", nullable: false),
                    Cadence = table.Column<int>(type: "INTEGER", nullable: false),
                    ComputedFrom = table.Column<int>(type: "INTEGER", nullable: true),
                    ChannelIds = table.Column<string>(type: "TEXT", nullable: false),
                    StakeholderTeamIds = table.Column<string>(type: "TEXT", nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AgreedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MetricRevisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MetricTarget",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MetricRevisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    ChannelId = table.Column<int>(type: "INTEGER", nullable: true),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    AmberTolerance = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MetricTarget", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MetricTarget_Channels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "Channels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MetricTarget_MetricRevisions_MetricRevisionId",
                        column: x => x.MetricRevisionId,
                        principalTable: "MetricRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Metrics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Dimension = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwningTeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RetiredReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RetiredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Metrics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MetricSignOff",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MetricRevisionId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MetricSignOff", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MetricSignOff_MetricRevisions_MetricRevisionId",
                        column: x => x.MetricRevisionId,
                        principalTable: "MetricRevisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MetricValues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MetricDefinitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    PeriodKind = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChannelId = table.Column<int>(type: "INTEGER", nullable: true),
                    Value = table.Column<double>(type: "REAL", nullable: false),
                    SampleSize = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedByPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MetricValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MetricValues_Channels_ChannelId",
                        column: x => x.ChannelId,
                        principalTable: "Channels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MetricValues_Metrics_MetricDefinitionId",
                        column: x => x.MetricDefinitionId,
                        principalTable: "Metrics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Reviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChairPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Reviews_People_ChairPersonId",
                        column: x => x.ChairPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoleGrants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<int>(type: "INTEGER", nullable: false),
                    GrantedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GrantedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoleGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoleGrants_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Scorecards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Quarter = table.Column<string>(type: "TEXT", unicode: false, maxLength: 8, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Headline = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedByPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedByPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Scorecards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Scorecards_People_CreatedByPersonId",
                        column: x => x.CreatedByPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Scorecards_People_PublishedByPersonId",
                        column: x => x.PublishedByPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Teams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LeadPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Teams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Teams_People_LeadPersonId",
                        column: x => x.LeadPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScorecardCommentary",
                columns: table => new
                {
                    ScorecardId = table.Column<int>(type: "INTEGER", nullable: false),
                    MetricDefinitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AuthorPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScorecardCommentary", x => new { x.ScorecardId, x.MetricDefinitionId });
                    table.ForeignKey(
                        name: "FK_ScorecardCommentary_Metrics_MetricDefinitionId",
                        column: x => x.MetricDefinitionId,
                        principalTable: "Metrics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScorecardCommentary_People_AuthorPersonId",
                        column: x => x.AuthorPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScorecardCommentary_Scorecards_ScorecardId",
                        column: x => x.ScorecardId,
                        principalTable: "Scorecards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScorecardLine",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScorecardId = table.Column<int>(type: "INTEGER", nullable: false),
                    MetricDefinitionId = table.Column<int>(type: "INTEGER", nullable: false),
                    MetricCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MetricName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Dimension = table.Column<int>(type: "INTEGER", nullable: false),
                    Unit = table.Column<int>(type: "INTEGER", nullable: false),
                    Direction = table.Column<int>(type: "INTEGER", nullable: false),
                    ChannelId = table.Column<int>(type: "INTEGER", nullable: true),
                    ChannelName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Actual = table.Column<double>(type: "REAL", nullable: true),
                    Target = table.Column<double>(type: "REAL", nullable: true),
                    Rag = table.Column<int>(type: "INTEGER", nullable: false),
                    ThreeQuartersAgo = table.Column<double>(type: "REAL", nullable: true),
                    TwoQuartersAgo = table.Column<double>(type: "REAL", nullable: true),
                    PreviousQuarter = table.Column<double>(type: "REAL", nullable: true),
                    Commentary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScorecardLine", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScorecardLine_Metrics_MetricDefinitionId",
                        column: x => x.MetricDefinitionId,
                        principalTable: "Metrics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScorecardLine_Scorecards_ScorecardId",
                        column: x => x.ScorecardId,
                        principalTable: "Scorecards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewAttendee",
                columns: table => new
                {
                    ReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    TeamId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewAttendee", x => new { x.ReviewId, x.TeamId });
                    table.ForeignKey(
                        name: "FK_ReviewAttendee_Reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "Reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewAttendee_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionNote_ActionItemId_At",
                table: "ActionNote",
                columns: new[] { "ActionItemId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ActionNote_PersonId",
                table: "ActionNote",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_CreatedByPersonId",
                table: "Actions",
                column: "CreatedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_FrictionIssueId",
                table: "Actions",
                column: "FrictionIssueId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_OwnerPersonId_Status_DueDate",
                table: "Actions",
                columns: new[] { "OwnerPersonId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_QuickWin_CompletedAt",
                table: "Actions",
                columns: new[] { "QuickWin", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_ReviewId",
                table: "Actions",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_Actions_Status_DueDate",
                table: "Actions",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Actions_TeamId_Status_DueDate",
                table: "Actions",
                columns: new[] { "TeamId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorPersonId_At",
                table: "AuditEntries",
                columns: new[] { "ActorPersonId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At_Id",
                table: "AuditEntries",
                columns: new[] { "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId_At",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Channels_Code",
                table: "Channels",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Channels_OwningTeamId",
                table: "Channels",
                column: "OwningTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_ContributingTeam_TeamId",
                table: "ContributingTeam",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Decision_RecordedByPersonId",
                table: "Decision",
                column: "RecordedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Decision_ReviewId_At",
                table: "Decision",
                columns: new[] { "ReviewId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_Category_ReceivedAt_Id",
                table: "Feedback",
                columns: new[] { "Category", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_ChannelId_ReceivedAt_Id",
                table: "Feedback",
                columns: new[] { "ChannelId", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_CustomerRef",
                table: "Feedback",
                column: "CustomerRef",
                filter: "CustomerRef IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_ExternalId",
                table: "Feedback",
                column: "ExternalId",
                unique: true,
                filter: "ExternalId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_FollowUpOwnerPersonId_FollowUpStatus_FollowUpDueAt",
                table: "Feedback",
                columns: new[] { "FollowUpOwnerPersonId", "FollowUpStatus", "FollowUpDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_FollowUpStatus_FollowUpDueAt",
                table: "Feedback",
                columns: new[] { "FollowUpStatus", "FollowUpDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_FrictionIssueId_ReceivedAt",
                table: "Feedback",
                columns: new[] { "FrictionIssueId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_JourneyStageId_ReceivedAt_Id",
                table: "Feedback",
                columns: new[] { "JourneyStageId", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_ReceivedAt_Id",
                table: "Feedback",
                columns: new[] { "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_RecordedByPersonId",
                table: "Feedback",
                column: "RecordedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_ScoreBand_ReceivedAt_Id",
                table: "Feedback",
                columns: new[] { "ScoreBand", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_Sentiment_ReceivedAt_Id",
                table: "Feedback",
                columns: new[] { "Sentiment", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_Source_ReceivedAt_Id",
                table: "Feedback",
                columns: new[] { "Source", "ReceivedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_FrictionChannel_ChannelId",
                table: "FrictionChannel",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_FrictionIssues_ClosedAt",
                table: "FrictionIssues",
                column: "ClosedAt");

            migrationBuilder.CreateIndex(
                name: "IX_FrictionIssues_CreatedAt",
                table: "FrictionIssues",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_FrictionIssues_CreatedByPersonId",
                table: "FrictionIssues",
                column: "CreatedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_FrictionIssues_JourneyStageId_Status",
                table: "FrictionIssues",
                columns: new[] { "JourneyStageId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_FrictionIssues_OwnerPersonId_Status",
                table: "FrictionIssues",
                columns: new[] { "OwnerPersonId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_FrictionIssues_OwningTeamId_Status",
                table: "FrictionIssues",
                columns: new[] { "OwningTeamId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_FrictionIssues_Status_Severity",
                table: "FrictionIssues",
                columns: new[] { "Status", "Severity" });

            migrationBuilder.CreateIndex(
                name: "IX_FrictionStatusChange_FrictionIssueId_At",
                table: "FrictionStatusChange",
                columns: new[] { "FrictionIssueId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_FrictionStatusChange_PersonId",
                table: "FrictionStatusChange",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_JourneyStages_Code",
                table: "JourneyStages",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LinkedMetric_MetricDefinitionId",
                table: "LinkedMetric",
                column: "MetricDefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_MetricEvent_MetricDefinitionId_At",
                table: "MetricEvent",
                columns: new[] { "MetricDefinitionId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_MetricEvent_PersonId",
                table: "MetricEvent",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_MetricRevisions_MetricDefinitionId_Number",
                table: "MetricRevisions",
                columns: new[] { "MetricDefinitionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MetricRevisions_MetricDefinitionId_Status",
                table: "MetricRevisions",
                columns: new[] { "MetricDefinitionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Metrics_Code",
                table: "Metrics",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Metrics_Name",
                table: "Metrics",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Metrics_OwnerPersonId",
                table: "Metrics",
                column: "OwnerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Metrics_OwningTeamId",
                table: "Metrics",
                column: "OwningTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Metrics_Status_Dimension",
                table: "Metrics",
                columns: new[] { "Status", "Dimension" });

            migrationBuilder.CreateIndex(
                name: "IX_MetricSignOff_MetricRevisionId",
                table: "MetricSignOff",
                column: "MetricRevisionId");

            migrationBuilder.CreateIndex(
                name: "IX_MetricSignOff_PersonId",
                table: "MetricSignOff",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_MetricSignOff_TeamId",
                table: "MetricSignOff",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_MetricTarget_ChannelId",
                table: "MetricTarget",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_MetricTarget_MetricRevisionId_Quarter_ChannelId",
                table: "MetricTarget",
                columns: new[] { "MetricRevisionId", "Quarter", "ChannelId" });

            migrationBuilder.CreateIndex(
                name: "IX_MetricValues_ChannelId",
                table: "MetricValues",
                column: "ChannelId");

            migrationBuilder.CreateIndex(
                name: "IX_MetricValues_MetricDefinitionId_Period_ChannelId",
                table: "MetricValues",
                columns: new[] { "MetricDefinitionId", "Period", "ChannelId" },
                unique: true,
                filter: "ChannelId IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_MetricValues_MetricDefinitionId_PeriodKind_PeriodStart_ChannelId",
                table: "MetricValues",
                columns: new[] { "MetricDefinitionId", "PeriodKind", "PeriodStart", "ChannelId" });

            migrationBuilder.CreateIndex(
                name: "IX_MetricValues_RecordedByPersonId",
                table: "MetricValues",
                column: "RecordedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_MetricValues_Total",
                table: "MetricValues",
                columns: new[] { "MetricDefinitionId", "Period" },
                unique: true,
                filter: "ChannelId IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_People_Email",
                table: "People",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_People_Subject",
                table: "People",
                column: "Subject",
                unique: true,
                filter: "Subject IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_People_TeamId",
                table: "People",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewAttendee_TeamId",
                table: "ReviewAttendee",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ChairPersonId",
                table: "Reviews",
                column: "ChairPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_HeldOn",
                table: "Reviews",
                column: "HeldOn");

            migrationBuilder.CreateIndex(
                name: "IX_RoleGrants_PersonId_Role",
                table: "RoleGrants",
                columns: new[] { "PersonId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScorecardCommentary_AuthorPersonId",
                table: "ScorecardCommentary",
                column: "AuthorPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ScorecardCommentary_MetricDefinitionId",
                table: "ScorecardCommentary",
                column: "MetricDefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_ScorecardLine_MetricDefinitionId",
                table: "ScorecardLine",
                column: "MetricDefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_ScorecardLine_ScorecardId_MetricDefinitionId_ChannelId",
                table: "ScorecardLine",
                columns: new[] { "ScorecardId", "MetricDefinitionId", "ChannelId" });

            migrationBuilder.CreateIndex(
                name: "IX_Scorecards_CreatedByPersonId",
                table: "Scorecards",
                column: "CreatedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Scorecards_PublishedByPersonId",
                table: "Scorecards",
                column: "PublishedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Scorecards_Quarter",
                table: "Scorecards",
                column: "Quarter",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Teams_Code",
                table: "Teams",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Teams_LeadPersonId",
                table: "Teams",
                column: "LeadPersonId");

            migrationBuilder.AddForeignKey(
                name: "FK_ActionNote_Actions_ActionItemId",
                table: "ActionNote",
                column: "ActionItemId",
                principalTable: "Actions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ActionNote_People_PersonId",
                table: "ActionNote",
                column: "PersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Actions_FrictionIssues_FrictionIssueId",
                table: "Actions",
                column: "FrictionIssueId",
                principalTable: "FrictionIssues",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Actions_People_CreatedByPersonId",
                table: "Actions",
                column: "CreatedByPersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Actions_People_OwnerPersonId",
                table: "Actions",
                column: "OwnerPersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Actions_Reviews_ReviewId",
                table: "Actions",
                column: "ReviewId",
                principalTable: "Reviews",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Actions_Teams_TeamId",
                table: "Actions",
                column: "TeamId",
                principalTable: "Teams",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Channels_Teams_OwningTeamId",
                table: "Channels",
                column: "OwningTeamId",
                principalTable: "Teams",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ContributingTeam_FrictionIssues_FrictionIssueId",
                table: "ContributingTeam",
                column: "FrictionIssueId",
                principalTable: "FrictionIssues",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ContributingTeam_Teams_TeamId",
                table: "ContributingTeam",
                column: "TeamId",
                principalTable: "Teams",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Decision_People_RecordedByPersonId",
                table: "Decision",
                column: "RecordedByPersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Decision_Reviews_ReviewId",
                table: "Decision",
                column: "ReviewId",
                principalTable: "Reviews",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Feedback_FrictionIssues_FrictionIssueId",
                table: "Feedback",
                column: "FrictionIssueId",
                principalTable: "FrictionIssues",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_Feedback_People_FollowUpOwnerPersonId",
                table: "Feedback",
                column: "FollowUpOwnerPersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Feedback_People_RecordedByPersonId",
                table: "Feedback",
                column: "RecordedByPersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_FrictionChannel_FrictionIssues_FrictionIssueId",
                table: "FrictionChannel",
                column: "FrictionIssueId",
                principalTable: "FrictionIssues",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_FrictionIssues_People_CreatedByPersonId",
                table: "FrictionIssues",
                column: "CreatedByPersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_FrictionIssues_People_OwnerPersonId",
                table: "FrictionIssues",
                column: "OwnerPersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_FrictionIssues_Teams_OwningTeamId",
                table: "FrictionIssues",
                column: "OwningTeamId",
                principalTable: "Teams",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_FrictionStatusChange_People_PersonId",
                table: "FrictionStatusChange",
                column: "PersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_LinkedMetric_Metrics_MetricDefinitionId",
                table: "LinkedMetric",
                column: "MetricDefinitionId",
                principalTable: "Metrics",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MetricEvent_Metrics_MetricDefinitionId",
                table: "MetricEvent",
                column: "MetricDefinitionId",
                principalTable: "Metrics",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MetricEvent_People_PersonId",
                table: "MetricEvent",
                column: "PersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MetricRevisions_Metrics_MetricDefinitionId",
                table: "MetricRevisions",
                column: "MetricDefinitionId",
                principalTable: "Metrics",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Metrics_People_OwnerPersonId",
                table: "Metrics",
                column: "OwnerPersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Metrics_Teams_OwningTeamId",
                table: "Metrics",
                column: "OwningTeamId",
                principalTable: "Teams",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MetricSignOff_People_PersonId",
                table: "MetricSignOff",
                column: "PersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MetricSignOff_Teams_TeamId",
                table: "MetricSignOff",
                column: "TeamId",
                principalTable: "Teams",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MetricValues_People_RecordedByPersonId",
                table: "MetricValues",
                column: "RecordedByPersonId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_People_Teams_TeamId",
                table: "People",
                column: "TeamId",
                principalTable: "Teams",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Teams_People_LeadPersonId",
                table: "Teams");

            migrationBuilder.DropTable(
                name: "ActionNote");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "ContributingTeam");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Decision");

            migrationBuilder.DropTable(
                name: "Feedback");

            migrationBuilder.DropTable(
                name: "FrictionChannel");

            migrationBuilder.DropTable(
                name: "FrictionStatusChange");

            migrationBuilder.DropTable(
                name: "LinkedMetric");

            migrationBuilder.DropTable(
                name: "MetricEvent");

            migrationBuilder.DropTable(
                name: "MetricSignOff");

            migrationBuilder.DropTable(
                name: "MetricTarget");

            migrationBuilder.DropTable(
                name: "MetricValues");

            migrationBuilder.DropTable(
                name: "ReviewAttendee");

            migrationBuilder.DropTable(
                name: "RoleGrants");

            migrationBuilder.DropTable(
                name: "ScorecardCommentary");

            migrationBuilder.DropTable(
                name: "ScorecardLine");

            migrationBuilder.DropTable(
                name: "Actions");

            migrationBuilder.DropTable(
                name: "MetricRevisions");

            migrationBuilder.DropTable(
                name: "Channels");

            migrationBuilder.DropTable(
                name: "Scorecards");

            migrationBuilder.DropTable(
                name: "FrictionIssues");

            migrationBuilder.DropTable(
                name: "Reviews");

            migrationBuilder.DropTable(
                name: "Metrics");

            migrationBuilder.DropTable(
                name: "JourneyStages");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "Teams");
        }
    }
}

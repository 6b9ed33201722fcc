using System.Reflection;
using System.Text;
using CxDashboard.Domain.Admin;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Governance;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Notifications;
using CxDashboard.Domain.Organisation;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Seeding;
using CxDashboard.Web.Features;
using CxDashboard.Web.Features.Actions;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Audit;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Dashboard;
using CxDashboard.Web.Features.Exports;
using CxDashboard.Web.Features.Feedback;
using CxDashboard.Web.Features.Friction;
using CxDashboard.Web.Features.Governance;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Notifications;
using CxDashboard.Web.Features.Scorecards;
using CxDashboard.Web.Features.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Data.SqlServer;

/// <summary>
/// Every public method of every service that reads or writes the store, run on the SQL Server provider
/// with no server (<see cref="SqlServerWithoutServer"/>): EF Core must translate each query for SQL Server
/// (a query it cannot translate, or would evaluate on the client, throws), and every statement it would
/// send must parse with Microsoft's T-SQL parser. Queries run with every sort and filter that changes
/// their SQL, and for each kind of caller where the caller changes it.
/// </summary>
/// <remarks>
/// Commands (<see cref="Kind.Command"/>) find nothing to change in an empty store: they are covered by the
/// statements they send before refusing (a not-found, a rule of the domain, or a save that touched no
/// row), not by their every write. The tests on SQLite, or on a real SQL Server through
/// CXDASHBOARD_TEST_SQLSERVER, cover what they write.
/// </remarks>
public sealed class SqlServerQueryTranslationTests
{
    public enum Kind
    {
        /// <summary>Reads: must run to the end without an error (a record asked for by id may be not found).</summary>
        Query,

        /// <summary>Saves: may stop when the empty store has nothing to change; the statements sent until then must parse.</summary>
        Command,
    }

    private sealed record Call(Kind Kind, Func<IServiceProvider, Task> Run);

    private static readonly DateTime Now = new(2026, 5, 14, 9, 30, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);
    private static readonly Period Quarter = Period.Quarter(2026, 2);

    private static Caller As(params string[] roles) => new(PersonId: 7, "Sam Example", TeamId: 3, roles.ToHashSet(StringComparer.Ordinal));

    private static readonly Caller HeadOfCx = As(Roles.CxLead);
    private static readonly Caller ChannelLead = As(Roles.ChannelLead);
    private static readonly Caller Contributor = As(Roles.Contributor);
    private static readonly Caller Executive = As(Roles.Executive);
    private static readonly Caller Admin = As(Roles.Admin);

    private static readonly ApiClient Client = new(new AuditActor(null, ApiClient.KeyDisplayName("survey tool")), PersonId: null, ResponsiblePersonId: 7,
        Source: ApiClient.KeyDisplayName("survey tool"));

    private static IEnumerable<FeedbackFilter> FeedbackFilters() =>
    [
        FeedbackFilter.All,
        new FeedbackFilter
        {
            FromUtc = Now.AddDays(-30), ToUtc = Now, ChannelId = 1, Source = FeedbackSource.Survey, JourneyStageId = 2,
            Category = FeedbackCategory.Service, Sentiment = Sentiment.Negative, Band = ScoreBand.Detractor,
        },
        new FeedbackFilter { Linked = true },
        new FeedbackFilter { Linked = false },
        new FeedbackFilter { FrictionIssueId = 4 },
        new FeedbackFilter { Text = "late 100% de_livery [x]" },
        .. Enum.GetValues<FollowUpFilter>().Select(f => new FeedbackFilter { FollowUp = f }),
    ];

    private static IEnumerable<FrictionFilter> FrictionFilters() =>
    [
        new FrictionFilter(),
        new FrictionFilter { TeamId = 1, ContributingTeamId = 2, StageId = 3, ChannelId = 4, Status = FrictionStatus.InProgress, Severity = 4 },
        new FrictionFilter { OpenOnly = true, OverdueOnly = true, Search = "queue 50%" },
    ];

    private static IEnumerable<ActionFilter> ActionFilters() =>
    [
        .. Enum.GetValues<ActionScope>().Select(s => new ActionFilter { Scope = s }),
        new ActionFilter { Status = CxDashboard.Domain.Actions.ActionStatus.Blocked, TeamId = 1, OwnerPersonId = 2, FrictionIssueId = 3 },
        new ActionFilter { OpenOnly = true, OverdueOnly = true, QuickWinsOnly = true },
    ];

    private static IEnumerable<MetricCatalogueFilter> CatalogueFilters() =>
    [
        new MetricCatalogueFilter(),
        new MetricCatalogueFilter("nps_", MetricDimension.Advocacy, MetricStatus.Agreed, OwningTeamId: 1, ChannelId: 2),
    ];

    private static IEnumerable<AuditFilter> AuditFilters() =>
    [
        new AuditFilter(),
        new AuditFilter(Today.AddDays(-7), Today, "FrictionIssue", "Sam", "12", "closed 100%"),
    ];

    private static FeedbackItem Complaint() =>
        new(new FeedbackDetails(Now, 1, null, FeedbackSource.Complaint, FeedbackCategory.Service, Sentiment.Negative, null, null, "Late again"), 7, Now);

    private static FrictionDetails Details() =>
        new("Queues at the tills", null, 1, [1, 2], FeedbackCategory.Service, 3, 100, null, 1, 7, [2], Today.AddDays(30));

    private static MetricForm Form() => new()
    {
        Code = "nps-stores", Name = "Store NPS", OwnerPersonId = 7, OwningTeamId = 3, Description = "d", Formula = "f", DataSource = "s",
        ChannelIds = [1], StakeholderTeamIds = [2],
    };

    private static Stream Csv(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    /// <summary>Every method, with calls that exercise each shape of SQL it can send.</summary>
    private static readonly IReadOnlyDictionary<string, Call> Calls = new Dictionary<string, Call>
    {
        ["DashboardService.GetHomeTilesAsync"] = Query(s => s.Get<DashboardService>().GetHomeTilesAsync()),
        ["DashboardService.GetClosedLoopHealthAsync"] = Query(s => s.Get<DashboardService>().GetClosedLoopHealthAsync(Quarter)),
        ["DashboardService.GetChannelsAsync"] = Query(s => s.Get<DashboardService>().GetChannelsAsync()),

        ["FeedbackService.GetLookupsAsync"] = Query(s => s.Get<FeedbackService>().GetLookupsAsync()),
        ["FeedbackService.FindPeopleAsync"] = Query(async s =>
        {
            await s.Get<FeedbackService>().FindPeopleAsync(null);
            await s.Get<FeedbackService>().FindPeopleAsync("o'b_%");
        }),
        ["FeedbackService.StoredExternalIdsAsync"] = Query(async s =>
        {
            await using var db = s.Get<IDbContextFactory<CxDbContext>>().CreateDbContext();
            await FeedbackService.StoredExternalIdsAsync(db, ApiClient.KeyDisplayName("survey tool"), ["a-1", "B-2"]);
        }),
        ["FeedbackService.StoredIdsAsync"] = Query(async s =>
        {
            await using var db = s.Get<IDbContextFactory<CxDbContext>>().CreateDbContext();
            await FeedbackService.StoredIdsAsync(db, ApiClient.KeyDisplayName("survey tool"), ["a-1", "b-2"]);
        }),
        ["FeedbackService.GetInboxPageAsync"] = Query(async s =>
        {
            var cursor = new FeedbackCursor(Now, 42, 3);
            foreach (var filter in FeedbackFilters())
            foreach (var sort in Enum.GetValues<FeedbackSort>())
            foreach (var request in new[]
            {
                FeedbackPageRequest.First(sort), new FeedbackPageRequest(sort, 50, After: cursor),
                new FeedbackPageRequest(sort, 50, Before: cursor), new FeedbackPageRequest(sort, 50, After: cursor with { Score = null }),
            })
            {
                await s.Get<FeedbackService>().GetInboxPageAsync(filter, request, HeadOfCx);
            }
            // Only the head of CX and admins see the customer reference: the projection differs.
            await s.Get<FeedbackService>().GetInboxPageAsync(FeedbackFilter.All, FeedbackPageRequest.First(), Contributor);
        }),
        ["FeedbackService.GetDetailAsync"] = Query(s => s.Get<FeedbackService>().GetDetailAsync(1, HeadOfCx)),
        ["FeedbackService.GetVolumeBySentimentAsync"] = Query(async s =>
        {
            foreach (var bucket in Enum.GetValues<PeriodKind>())
            foreach (var channelId in new int?[] { null, 2 })
            {
                await s.Get<FeedbackService>().GetVolumeBySentimentAsync(Today.AddDays(-90), Today, bucket, channelId);
            }
        }),
        ["FeedbackService.GetFollowUpsAsync"] = Query(async s =>
        {
            await s.Get<FeedbackService>().GetFollowUpsAsync(FollowUpScope.Mine, Contributor);
            await s.Get<FeedbackService>().GetFollowUpsAsync(FollowUpScope.MyTeam, ChannelLead);
            await s.Get<FeedbackService>().GetFollowUpsAsync(FollowUpScope.Everyone, HeadOfCx);
        }),
        ["FeedbackService.CountMyOverdueAsync"] = Query(s => s.Get<FeedbackService>().CountMyOverdueAsync(ChannelLead)),
        ["FeedbackService.RecordAsync"] = Command(s => s.Get<FeedbackService>().RecordAsync(
            new RecordFeedbackCommand(Now, 1, 2, FeedbackSource.Complaint, FeedbackCategory.Service, Sentiment.Negative, null, null, "Late", "C-1"),
            HeadOfCx)),
        ["FeedbackService.OpenFollowUpsAsync"] = Command(async s =>
        {
            await using var db = s.Get<IDbContextFactory<CxDbContext>>().CreateDbContext();
            await s.Get<FeedbackService>().OpenFollowUpsAsync([Complaint()], db);
        }),
        ["FeedbackService.ReclassifyAsync"] = Command(s => s.Get<FeedbackService>().ReclassifyAsync(1, FeedbackCategory.Product, Sentiment.Neutral, 2, 0, HeadOfCx)),
        ["FeedbackService.MarkContactedAsync"] = Command(s => s.Get<FeedbackService>().MarkContactedAsync(1, "Called", 0, ChannelLead)),
        ["FeedbackService.ResolveFollowUpAsync"] = Command(s => s.Get<FeedbackService>().ResolveFollowUpAsync(1, "Refunded", 0, ChannelLead)),
        ["FeedbackService.ReassignFollowUpAsync"] = Command(s => s.Get<FeedbackService>().ReassignFollowUpAsync(1, 8, 0, HeadOfCx)),
        ["FeedbackImporter.ImportAsync"] = Command(s => s.Get<FeedbackImporter>().ImportAsync(HeadOfCx, "feedback.csv", Csv(
            "ReceivedAt,Channel,JourneyStage,Source,Category,Sentiment,ScoreScale,Score,Verbatim,CustomerRef,ExternalId\n" +
            "2026-05-01T10:00:00Z,stores,buy,Survey,Service,Negative,Nps,3,Slow,C-1,ext-1\n"))),
        ["FeedbackImporter.PreviewAsync"] = Query(async s =>
        {
            await using var file = await ImportFile.SpoolAsync(Csv("ResponseId,RecordedDate,Q1,Q2\nR_1,2026-05-01 10:00,3,Slow\n"), "survey.csv");
            await s.Get<FeedbackImporter>().PreviewAsync(HeadOfCx, file, null, ShippedPresets.Qualtrics.Mapping with { HeaderRows = 1, WholeFileChannel = "stores" }, "Qualtrics");
        }),
        ["ImportPresetService.ListAsync"] = Query(s => s.Get<ImportPresetService>().ListAsync(HeadOfCx, "Qualtrics")),
        ["ImportPresetService.SaveAsync"] = Command(s => s.Get<ImportPresetService>().SaveAsync(HeadOfCx, "Quarterly NPS", "Qualtrics",
            ShippedPresets.Qualtrics.Mapping)),

        ["MetricsService.GetLookupsAsync"] = Query(s => s.Get<MetricsService>().GetLookupsAsync()),
        ["MetricsService.GetCatalogueAsync"] = Query(async s =>
        {
            foreach (var filter in CatalogueFilters())
            foreach (var sort in Enum.GetValues<MetricSortColumn>())
            foreach (var descending in new[] { false, true })
            foreach (var caller in new[] { HeadOfCx, Executive })
            {
                await s.Get<MetricsService>().GetCatalogueAsync(caller, new MetricCatalogueRequest(filter, 2, 25, sort, descending));
            }
        }),
        ["MetricsService.GetDetailsAsync"] = Query(s => s.Get<MetricsService>().GetDetailsAsync(HeadOfCx, 1)),
        ["MetricsService.GetSeriesAsync"] = Query(async s =>
        {
            foreach (var grain in Enum.GetValues<PeriodKind>())
            {
                await s.Get<MetricsService>().GetSeriesAsync(HeadOfCx, 1, new SeriesRequest(4, grain));
            }
        }),
        ["MetricsService.GetQuarterValuesAsync"] = Query(async s =>
        {
            await s.Get<MetricsService>().GetQuarterValuesAsync(Quarter, null);
            await s.Get<MetricsService>().GetQuarterValuesAsync(Quarter, 2);
        }),
        ["MetricsService.GetValueGridAsync"] = Query(async s =>
        {
            await s.Get<MetricsService>().GetValueGridAsync(HeadOfCx, 1);
            await s.Get<MetricsService>().GetValueGridAsync(ChannelLead, 1, Quarter);
        }),
        ["MetricsService.GetTemplateInfoAsync"] = Query(s => s.Get<MetricsService>().GetTemplateInfoAsync("nps-stores")),

        ["MetricCommands.GetFormAsync"] = Query(s => s.Get<MetricCommands>().GetFormAsync(1)),
        ["MetricCommands.CreateAsync"] = Command(async s =>
        {
            await s.Get<MetricCommands>().CreateAsync(HeadOfCx, Form(), propose: false);
            await s.Get<MetricCommands>().CreateAsync(HeadOfCx, Form(), propose: true);
        }),
        ["MetricCommands.UpdateAsync"] = Command(s => s.Get<MetricCommands>().UpdateAsync(HeadOfCx, 1, 0, Form(), propose: true)),
        ["MetricCommands.ProposeAsync"] = Command(s => s.Get<MetricCommands>().ProposeAsync(HeadOfCx, 1, 0, [2])),
        ["MetricCommands.SignOffAsync"] = Command(s => s.Get<MetricCommands>().SignOffAsync(ChannelLead, 1, 0, "Agreed")),
        ["MetricCommands.ObjectAsync"] = Command(s => s.Get<MetricCommands>().ObjectAsync(ChannelLead, 1, 0, "Not yet")),
        ["MetricCommands.RetireAsync"] = Command(s => s.Get<MetricCommands>().RetireAsync(HeadOfCx, 1, 0, "Replaced")),
        ["MetricCommands.SaveValuesAsync"] = Command(s => s.Get<MetricCommands>().SaveValuesAsync(HeadOfCx, 1,
            [new ValueInput(1, Period.Month(2026, 4), 1, 42.5, 120), new ValueInput(2, Period.Month(2026, 4), null, 40, null, CheckVersion: true, VersionSeen: 0)])),
        ["MetricValuesImporter.ImportAsync"] = Command(s => s.Get<MetricValuesImporter>().ImportAsync(HeadOfCx, 1, "values.csv",
            Csv("Period,Channel,Value,SampleSize\n2026-04,stores,42.5,120\n"))),

        ["FrictionService.GetHeatmapAsync"] = Query(async s =>
        {
            foreach (var measure in Enum.GetValues<HeatmapMeasure>())
            {
                await s.Get<FrictionService>().GetHeatmapAsync(measure, Quarter, default);
            }
        }),
        ["FrictionService.GetSiloMapAsync"] = Query(s => s.Get<FrictionService>().GetSiloMapAsync(default)),
        ["FrictionService.CountByStatusAsync"] = Query(s => s.Get<FrictionService>().CountByStatusAsync(default)),
        ["FrictionService.MedianDaysToCloseAsync"] = Query(s => s.Get<FrictionService>().MedianDaysToCloseAsync(Now.AddDays(-90), Now, default)),
        ["FrictionService.TopOpenBySeverityAsync"] = Query(s => s.Get<FrictionService>().TopOpenBySeverityAsync(5, default)),
        ["FrictionService.ListAsync"] = Query(async s =>
        {
            foreach (var filter in FrictionFilters())
            foreach (var sort in Enum.GetValues<FrictionSort>())
            foreach (var descending in new[] { false, true })
            {
                await s.Get<FrictionService>().ListAsync(filter, sort, descending, 2, 25, default);
            }
        }),
        ["FrictionService.GetBoardAsync"] = Query(async s =>
        {
            foreach (var filter in FrictionFilters())
            {
                await s.Get<FrictionService>().GetBoardAsync(filter, 10, default);
            }
        }),
        ["FrictionService.GetChoicesAsync"] = Query(s => s.Get<FrictionService>().GetChoicesAsync(default)),
        ["FrictionService.GetFilterChoicesAsync"] = Query(s => s.Get<FrictionService>().GetFilterChoicesAsync(default)),
        ["FrictionService.GetFeedbackPreviewAsync"] = Query(s => s.Get<FrictionService>().GetFeedbackPreviewAsync([1, 2, 3], default)),
        ["FrictionService.GetIssueAsync"] = Query(s => s.Get<FrictionService>().GetIssueAsync(1, default)),
        ["FrictionService.GetLinkedFeedbackAsync"] = Query(s => s.Get<FrictionService>().GetLinkedFeedbackAsync(1, 2, 25, default)),
        ["FrictionService.GetAuditTrailAsync"] = Query(s => s.Get<FrictionService>().GetAuditTrailAsync(1, 2, 25, default)),
        ["FrictionService.CreateAsync"] = Command(s => s.Get<FrictionService>().CreateAsync(
            new FrictionDraft(Details(), [new MetricLink(1, 40)], [1, 2]), HeadOfCx, default)),
        ["FrictionService.UpdateDetailsAsync"] = Command(s => s.Get<FrictionService>().UpdateDetailsAsync(1, Details(), 0, HeadOfCx, default)),
        ["FrictionService.ChangeStatusAsync"] = Command(async s =>
        {
            foreach (var move in Enum.GetValues<FrictionMove>())
            {
                await Commanded(() => s.Get<FrictionService>().ChangeStatusAsync(1, move, "Because", HeadOfCx, default));
            }
        }),
        ["FrictionService.WriteResolutionAsync"] = Command(s => s.Get<FrictionService>().WriteResolutionAsync(1, "Fixed", HeadOfCx, default)),
        ["FrictionService.RecordPeopleToldAsync"] = Command(s => s.Get<FrictionService>().RecordPeopleToldAsync(1, ToldAudience.Customers, "E-mail", Now, HeadOfCx, default)),
        ["FrictionService.LinkMetricAsync"] = Command(s => s.Get<FrictionService>().LinkMetricAsync(1, new MetricLink(2, 40), HeadOfCx, default)),
        ["FrictionService.UnlinkMetricAsync"] = Command(s => s.Get<FrictionService>().UnlinkMetricAsync(1, 2, HeadOfCx, default)),
        ["FrictionService.RecordMetricCheckAsync"] = Command(s => s.Get<FrictionService>().RecordMetricCheckAsync(1, 2, Period.Parse("2026-Q2"), Period.Parse("2026-Q3"), HeadOfCx, default)),
        ["FrictionService.GiveReasonToCloseWithoutImprovementAsync"] = Command(s => s.Get<FrictionService>().GiveReasonToCloseWithoutImprovementAsync(1, 2, "Fixed anyway", HeadOfCx, default)),

        ["ActionService.ListAsync"] = Query(async s =>
        {
            foreach (var filter in ActionFilters())
            foreach (var sort in Enum.GetValues<ActionSort>())
            foreach (var descending in new[] { false, true })
            {
                await s.Get<ActionService>().ListAsync(filter, ChannelLead, sort, descending, 2, 25, default);
            }
        }),
        ["ActionService.GetAsync"] = Query(s => s.Get<ActionService>().GetAsync(1, default)),
        ["ActionService.OverdueActionsByTeamAsync"] = Query(s => s.Get<ActionService>().OverdueActionsByTeamAsync(Today, default)),
        ["ActionService.CountQuickWinsDeliveredAsync"] = Query(s => s.Get<ActionService>().CountQuickWinsDeliveredAsync(Now.AddDays(-90), Now, default)),
        ["ActionService.QuickWinsDeliveredAsync"] = Query(s => s.Get<ActionService>().QuickWinsDeliveredAsync(Now.AddDays(-90), Now, 5, default)),
        ["ActionService.CreateAsync"] = Command(s => s.Get<ActionService>().CreateAsync(
            new ActionDraft("Add a till", null, 7, 3, Today.AddDays(14), 3, 2, true, FrictionIssueId: 1), HeadOfCx, default)),
        ["ActionService.UpdateAsync"] = Command(s => s.Get<ActionService>().UpdateAsync(1,
            new ActionPlan("Add a till", null, 7, 3, Today.AddDays(14), 3, 2, true), 0, HeadOfCx, default)),
        ["ActionService.ChangeStatusAsync"] = Command(async s =>
        {
            foreach (var move in Enum.GetValues<ActionMove>())
            {
                await Commanded(() => s.Get<ActionService>().ChangeStatusAsync(1, move, "Because", 0, HeadOfCx, default));
            }
        }),
        ["ActionService.AddNoteAsync"] = Command(s => s.Get<ActionService>().AddNoteAsync(1, "Ordered", HeadOfCx, default)),

        ["ScorecardService.ListAsync"] = Query(async s =>
        {
            await s.Get<ScorecardService>().ListAsync(HeadOfCx);
            await s.Get<ScorecardService>().ListAsync(Executive);
        }),
        ["ScorecardService.GetAsync"] = Query(async s =>
        {
            await s.Get<ScorecardService>().GetAsync(HeadOfCx, Quarter);
            await s.Get<ScorecardService>().GetAsync(Executive, Quarter);
        }),
        ["ScorecardService.CompareAsync"] = Query(s => s.Get<ScorecardService>().CompareAsync(HeadOfCx, Quarter.Previous, Quarter)),
        ["ScorecardService.StartDraftAsync"] = Command(s => s.Get<ScorecardService>().StartDraftAsync(HeadOfCx, Quarter)),
        ["ScorecardService.WriteHeadlineAsync"] = Command(s => s.Get<ScorecardService>().WriteHeadlineAsync(HeadOfCx, Quarter, "Better", null)),
        ["ScorecardService.WriteCommentaryAsync"] = Command(s => s.Get<ScorecardService>().WriteCommentaryAsync(ChannelLead, Quarter, 1, "Up", null)),
        ["ScorecardService.PublishAsync"] = Command(s => s.Get<ScorecardService>().PublishAsync(HeadOfCx, Quarter)),

        ["GovernanceService.ListAsync"] = Query(s => s.Get<GovernanceService>().ListAsync(2, 25, default)),
        ["GovernanceService.GetAsync"] = Query(s => s.Get<GovernanceService>().GetAsync(1, default)),
        ["GovernanceService.GetChoicesAsync"] = Query(s => s.Get<GovernanceService>().GetChoicesAsync(default)),
        ["GovernanceService.GetAgendaAsync"] = Query(s => s.Get<GovernanceService>().GetAgendaAsync(default)),
        ["GovernanceService.CreateAsync"] = Command(s => s.Get<GovernanceService>().CreateAsync(
            new ReviewDraft(ReviewKind.MonthlyCxCouncil, "May council", Today, [1, 2], null), HeadOfCx, default)),
        ["GovernanceService.UpdateAsync"] = Command(s => s.Get<GovernanceService>().UpdateAsync(1,
            new ReviewDraft(ReviewKind.MonthlyCxCouncil, "May council", Today, [1, 2], "Notes"), 0, HeadOfCx, default)),
        ["GovernanceService.RecordDecisionAsync"] = Command(s => s.Get<GovernanceService>().RecordDecisionAsync(1, "Fund it", HeadOfCx, default)),

        ["ExportService.WriteFeedbackAsync"] = Query(async s =>
        {
            foreach (var filter in FeedbackFilters())
            foreach (var sort in Enum.GetValues<FeedbackSort>())
            {
                await s.Get<ExportService>().WriteFeedbackAsync(new MemoryStream(), filter, sort, HeadOfCx, default);
            }
            await s.Get<ExportService>().WriteFeedbackAsync(new MemoryStream(), FeedbackFilter.All, FeedbackSort.NewestFirst, Executive, default);
        }),
        ["ExportService.WriteFrictionAsync"] = Query(async s =>
        {
            foreach (var filter in FrictionFilters())
            {
                await s.Get<ExportService>().WriteFrictionAsync(new MemoryStream(), filter, FrictionView.Unsorted, default);
            }
            foreach (var sort in Enum.GetValues<FrictionSort>())
            {
                await s.Get<ExportService>().WriteFrictionAsync(new MemoryStream(), new FrictionFilter(), new ListOrder<FrictionSort>(sort, false, 0, 25), default);
            }
        }),
        ["ExportService.WriteActionsAsync"] = Query(async s =>
        {
            foreach (var filter in ActionFilters())
            {
                await s.Get<ExportService>().WriteActionsAsync(new MemoryStream(), filter, ActionsView.Unsorted, ChannelLead, default);
            }
            foreach (var sort in Enum.GetValues<ActionSort>())
            {
                await s.Get<ExportService>().WriteActionsAsync(new MemoryStream(), new ActionFilter(), new ListOrder<ActionSort>(sort, true, 0, 25), ChannelLead, default);
            }
        }),
        ["ExportService.WriteMetricCatalogueAsync"] = Query(async s =>
        {
            foreach (var filter in CatalogueFilters())
            {
                await s.Get<ExportService>().WriteMetricCatalogueAsync(new MemoryStream(), filter, MetricCatalogueView.Unsorted, HeadOfCx, default);
            }
        }),
        ["ExportService.WriteMetricValuesAsync"] = Query(s => s.Get<ExportService>().WriteMetricValuesAsync(new MemoryStream(), 1, HeadOfCx, default)),
        ["ExportService.WriteReviewsAsync"] = Query(s => s.Get<ExportService>().WriteReviewsAsync(new MemoryStream(), default)),
        ["ExportService.WriteAuditAsync"] = Query(async s =>
        {
            foreach (var filter in AuditFilters())
            {
                await s.Get<ExportService>().WriteAuditAsync(new MemoryStream(), filter, default);
            }
        }),

        ["IngestionService.IngestFeedbackAsync"] = Command(s => s.Get<IngestionService>().IngestFeedbackAsync(new FeedbackBatch(
            [new FeedbackInput("ext-1", Now, "stores", "buy", "Survey", "Service", null, "Nps", 3, "Slow", "C-1")]), Client)),
        ["IngestionService.IngestMetricValuesAsync"] = Command(s => s.Get<IngestionService>().IngestMetricValuesAsync("nps-stores",
            new MetricValueBatch([new MetricValueInput("2026-04", "stores", 42.5, 120), new MetricValueInput("2026-04", null, 40, null)]), Client)),

        ["AdminService.ListApiKeysAsync"] = Query(s => s.Get<AdminService>().ListApiKeysAsync(Admin)),
        ["AdminService.FindPeopleAsync"] = Query(async s =>
        {
            await s.Get<AdminService>().FindPeopleAsync(null, Admin);
            await s.Get<AdminService>().FindPeopleAsync("o'b_%", Admin);
        }),
        ["AdminService.ListTeamsAsync"] = Query(s => s.Get<AdminService>().ListTeamsAsync(Admin)),
        ["AdminService.CountCustomerFeedbackAsync"] = Query(s => s.Get<AdminService>().CountCustomerFeedbackAsync("C-1", Admin)),
        ["AdminService.CreateApiKeyAsync"] = Command(s => s.Get<AdminService>().CreateApiKeyAsync("Survey tool", ApiScopes.FeedbackWrite, Admin)),
        ["AdminService.RevokeApiKeyAsync"] = Command(s => s.Get<AdminService>().RevokeApiKeyAsync(1, Admin)),
        ["AdminService.GrantRoleAsync"] = Command(s => s.Get<AdminService>().GrantRoleAsync(8, Role.ChannelLead, Admin)),
        ["AdminService.RevokeRoleAsync"] = Command(async s =>
        {
            await Commanded(() => s.Get<AdminService>().RevokeRoleAsync(8, Role.ChannelLead, Admin));
            await Commanded(() => s.Get<AdminService>().RevokeRoleAsync(8, Role.Admin, Admin));
        }),
        ["AdminService.EraseCustomerAsync"] = Command(s => s.Get<AdminService>().EraseCustomerAsync("C-1", Admin)),

        ["AuditService.GetPageAsync"] = Query(async s =>
        {
            foreach (var filter in AuditFilters())
            foreach (var after in new[] { null, new AuditCursor(Now, 12) })
            {
                await s.Get<AuditService>().GetPageAsync(filter, after, Admin);
            }
        }),

        ["EmailOutbox.SendDueAsync"] = Command(s => s.Get<EmailOutbox>().SendDueAsync("app-1", default)),
        ["DailyDigest.MakeDueAsync"] = Command(s => s.Get<DailyDigest>().MakeDueAsync(default)),
        ["DailyDigest.SendDueAsync"] = Command(s => s.Get<DailyDigest>().SendDueAsync("app-1", default)),
        ["EmailQueueService.GetQueueAsync"] = Query(s => s.Get<EmailQueueService>().GetQueueAsync(Admin)),
        ["EmailQueueService.RetryAsync"] = Command(s => s.Get<EmailQueueService>().RetryAsync(1, Admin)),
        ["EmailQueueService.RetryDigestsAsync"] = Command(s => s.Get<EmailQueueService>().RetryDigestsAsync(Admin)),
        ["NotificationService.CountUnreadAsync"] = Query(s => s.Get<NotificationService>().CountUnreadAsync(ChannelLead)),
        ["NotificationService.GetPageAsync"] = Query(async s =>
        {
            await s.Get<NotificationService>().GetPageAsync(unreadOnly: true, 1, ChannelLead);
            await s.Get<NotificationService>().GetPageAsync(unreadOnly: false, 3, ChannelLead);
        }),
        ["NotificationService.MarkReadAsync"] = Command(s => s.Get<NotificationService>().MarkReadAsync(1, ChannelLead)),
        ["NotificationService.MarkAllReadAsync"] = Command(s => s.Get<NotificationService>().MarkAllReadAsync(ChannelLead)),
        ["NotificationSweep.SweepAsync"] = Command(s => s.Get<NotificationSweep>().SweepAsync()),
        ["NotificationSettingsService.GetAsync"] = Query(s => s.Get<NotificationSettingsService>().GetAsync(ChannelLead)),
        ["NotificationSettingsService.SaveAsync"] = Command(s => s.Get<NotificationSettingsService>().SaveAsync(
            new Dictionary<NotificationKind, NotificationChannel> { [NotificationKind.Mentioned] = NotificationChannel.DailyDigest },
            new Dictionary<NotificationKind, NotificationChannel>(), ChannelLead)),
        ["NotificationSettingsService.ResetAsync"] = Command(s => s.Get<NotificationSettingsService>().ResetAsync(ChannelLead)),
        ["ExportAuditTrail.RecordAsync"] = Command(s => s.Get<ExportAuditTrail>().RecordAsync(Executive, "feedback",
            new Microsoft.AspNetCore.Http.QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { ["channel"] = "2" }), 12, default)),
        ["ThemeService.CatalogueAsync"] = Query(s => s.Get<ThemeService>().CatalogueAsync()),
        ["ThemeService.PreviewAsync"] = Query(s => s.Get<ThemeService>().PreviewAsync("refund* OR \"money back\" NOT late")),
        ["ThemeService.SaveAsync"] = Command(async s =>
        {
            await s.Get<ThemeService>().SaveAsync(new ThemeDraft(null, "Refunds", 2, "refund*"), HeadOfCx);
            await s.Get<ThemeService>().SaveAsync(new ThemeDraft(3, "Refunds", null, "refund*", 4), ChannelLead);
        }),
        ["ThemeService.ActivateAsync"] = Command(s => s.Get<ThemeService>().ActivateAsync(3, 4, HeadOfCx)),
        ["ThemeService.DeleteAsync"] = Command(s => s.Get<ThemeService>().DeleteAsync(3, 4, HeadOfCx)),
        ["ThemeService.ImpactAsync"] = Query(async s =>
        {
            await s.Get<ThemeService>().ImpactAsync(new ThemeImpactQuery(DateOnly.FromDateTime(Now).AddDays(-90), DateOnly.FromDateTime(Now)));
            await s.Get<ThemeService>().ImpactAsync(new ThemeImpactQuery(DateOnly.FromDateTime(Now).AddDays(-90), DateOnly.FromDateTime(Now), ChannelId: 1, JourneyStageId: 2));
        }),
        ["ThemeService.CostliestAsync"] = Query(s => s.Get<ThemeService>().CostliestAsync(new ThemeImpactQuery(DateOnly.FromDateTime(Now).AddDays(-90), DateOnly.FromDateTime(Now)), 3)),
        ["ThemeService.IssueThemesAsync"] = Query(s => s.Get<ThemeService>().IssueThemesAsync(4)),
        ["ThemeService.LinkToIssueAsync"] = Command(s => s.Get<ThemeService>().LinkToIssueAsync(4, 2, HeadOfCx)),
        ["ThemeService.UnlinkFromIssueAsync"] = Command(s => s.Get<ThemeService>().UnlinkFromIssueAsync(4, 2, HeadOfCx)),
        ["EmergingPhrases.FindAsync"] = Query(s => s.Get<EmergingPhrases>().FindAsync()),
        ["ThemeRetagging.TagPendingAsync"] = Command(s => s.Get<ThemeRetagging>().TagPendingAsync(CancellationToken.None)),

        ["UserDirectory.FindAsync"] = Query(s => s.Get<UserDirectory>().FindAsync("subject-1")),
        ["UserDirectory.LinkAsync"] = Command(s => s.Get<UserDirectory>().LinkAsync("subject-1", "sam@example.com")),
        ["UserDirectory.DevelopmentPeopleAsync"] = Query(s => s.Get<UserDirectory>().DevelopmentPeopleAsync()),
        ["UserDirectory.RecordProviderRolesAsync"] = Command(s => s.Get<UserDirectory>().RecordProviderRolesAsync(7, [Roles.Executive], Now)),
    };

    /// <summary>Services that touch the store and are not run here, with why.</summary>
    private static readonly IReadOnlyDictionary<Type, string> NotRunHere = new Dictionary<Type, string>
    {
        // Its bulk insert is covered in its SQL Server form by SqlServerBulkWriteTests; the rest is the demo retailer's data.
        [typeof(DemoDataSeeder)] = "fills an empty database with the demo retailer (a host command, not a page or the API)",
        [typeof(ApiKeyAuthenticationHandler)] = "has no public method that reads the store (ASP.NET Core calls its protected handler)",
        // Its SQL around the copy is parsed by An_API_batch_sends_SQL_around_its_bulk_copy_that_parses; the copy's columns by SqlServerBulkCopyTests.
        [typeof(FeedbackIntake)] = "writes through SqlBulkCopy, which needs a server; what it sends besides the copy is parsed below",
    };

    public static TheoryData<string> Methods() => new(Calls.Keys.Order());

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task Every_statement_is_translated_for_SQL_Server_and_parses(string method)
    {
        var server = new SqlServerWithoutServer();
        await using var services = Services(server);
        await using var scope = services.CreateAsyncScope();
        var call = Calls[method];

        await Run(call, scope.ServiceProvider);

        var sent = server.TakeSent();
        Assert.True(sent.Count > 0, $"{method} sent nothing to SQL Server: its entry does not reach the store.");
        var problems = sent.SelectMany(TSql.Problems).ToList();
        Assert.True(problems.Count == 0, $"{method} sends SQL that SQL Server cannot parse:\n{string.Join("\n\n", problems)}");
    }

    public static TheoryData<string> Queries() => new(Calls.Where(c => c.Value.Kind == Kind.Query).Select(c => c.Key).Order());

    /// <summary>
    /// Empty results stop a query method at its first lookup (a metric or an issue not found); here every
    /// query finds one row of default values, so the method runs on to the queries that follow. What the
    /// made-up row then breaks (a default that is not a valid period, say) ends the run; a query EF Core
    /// cannot translate fails the test.
    /// </summary>
    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_queries_after_a_record_is_found_are_translated_for_SQL_Server_and_parse(string method)
    {
        var server = new SqlServerWithoutServer(aRowForEveryQuery: true);
        await using var services = Services(server);
        await using var scope = services.CreateAsyncScope();

        try
        {
            await Calls[method].Run(scope.ServiceProvider);
        }
        catch (Exception e) when (!e.Message.Contains("translat", StringComparison.OrdinalIgnoreCase))
        {
            // The made-up row is not data the method can use; the statements sent until then are still checked.
        }

        var problems = server.TakeSent().SelectMany(TSql.Problems).ToList();
        Assert.True(problems.Count == 0, $"{method} sends SQL that SQL Server cannot parse:\n{string.Join("\n\n", problems)}");
    }

    [Fact]
    public void Every_public_method_of_a_service_that_uses_the_store_has_a_call_in_the_table()
    {
        var missing = StoreMethods().Where(m => !Calls.ContainsKey(m)).ToList();

        Assert.True(missing.Count == 0,
            "These methods have no entry in SqlServerQueryTranslationTests.Calls; add one that calls each with representative arguments " +
            "(every sort and filter that changes its SQL), as Query(...) or Command(...):\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_table_has_no_call_for_a_method_that_does_not_exist()
    {
        Assert.Empty(Calls.Keys.Except(StoreMethods()));
    }

    /// <summary>
    /// An API batch's items go in through SqlBulkCopy, which no server here can take; around the copy, in the same
    /// transaction, the batch reads back the ids its items were stored under, writes an audit entry for each, and
    /// on a retry asks whether its commit went through. Those statements must parse.
    /// </summary>
    [Fact]
    public async Task An_API_batch_sends_SQL_around_its_bulk_copy_that_parses()
    {
        var server = new SqlServerWithoutServer();
        await using var db = server.CreateDbContext();
        var source = ApiClient.KeyDisplayName("survey tool");
        var item = Complaint();
        var type = db.Model.FindEntityType(typeof(FeedbackItem))!;
        var writeId = Guid.NewGuid();

        await FeedbackService.StoredIdsAsync(db, source, ["ext-1", "ext-2"]);
        db.AddAuditEntry(writeId, AuditRecorder.Created(type, item, 41, Client.Actor, Now));
        db.AddAuditEntry(writeId, AuditRecorder.Created(type, item, 42, Client.Actor, Now));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // No server answers the INSERT with the rows it stored; the statement was sent, which is what is checked.
        }
        await db.WasSavedAsync(writeId, CancellationToken.None);

        var sent = server.TakeSent();
        Assert.Contains(sent, s => s.Contains("FROM [Feedback]", StringComparison.Ordinal) && s.Contains("[ExternalKey]", StringComparison.Ordinal));
        Assert.Contains(sent, s => System.Text.RegularExpressions.Regex.IsMatch(s, @"(INSERT INTO|MERGE)\s+\[AuditEntries\]"));
        var problems = sent.SelectMany(TSql.Problems).ToList();
        Assert.True(problems.Count == 0, $"An API batch sends SQL that SQL Server cannot parse:\n{string.Join("\n\n", problems)}");
    }

    /// <summary>A detractor tells every member of a team: past SQL Server's 2,100 parameters, the people go as one JSON parameter.</summary>
    [Fact]
    public async Task The_choices_of_a_team_of_thousands_told_of_a_detractor_are_read_in_one_statement_that_parses()
    {
        var server = new SqlServerWithoutServer();
        await using var db = server.CreateDbContext();

        await NotificationChoices.ForAsync(db, Enumerable.Range(1, 5000).ToList(), new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), CancellationToken.None);

        var read = Assert.Single(server.TakeSent());
        Assert.Empty(TSql.Problems(read));
        Assert.Contains("OPENJSON", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_a_role_counts_the_admins_under_a_lock_in_SQL_that_parses()
    {
        var server = new SqlServerWithoutServer();
        await using var services = Services(server);
        await using var scope = services.CreateAsyncScope();

        await Commanded(() => scope.ServiceProvider.Get<AdminService>().RevokeRoleAsync(8, Role.Admin, Admin));

        var count = Assert.Single(server.TakeSent(), s => s.Contains("UPDLOCK", StringComparison.Ordinal));
        Assert.Empty(TSql.Problems(count));
    }

    /// <summary>"Type.Method" for each public method that may reach the store, of each public class that takes the context factory.</summary>
    private static IEnumerable<string> StoreMethods()
    {
        var services = typeof(CxDbContext).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false }
                && (t.Namespace?.StartsWith("CxDashboard.Web.Features", StringComparison.Ordinal) == true
                    || t.Namespace?.StartsWith("CxDashboard.Web.Data", StringComparison.Ordinal) == true)
                && t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(IDbContextFactory<CxDbContext>))))
            .Where(t => !NotRunHere.ContainsKey(t))
            .ToList();
        Assert.Contains(typeof(FeedbackService), services);
        return services
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && (IsAsync(m.ReturnType) || m.GetParameters().Any(p => p.ParameterType == typeof(CxDbContext))))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .Distinct()
            .Order();
    }

    private static bool IsAsync(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && type.GetGenericTypeDefinition() is var d
            && (d == typeof(Task<>) || d == typeof(ValueTask<>) || d == typeof(IAsyncEnumerable<>)));

    private static ServiceProvider Services(SqlServerWithoutServer server)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment
        {
            EnvironmentName = "Production", ContentRootPath = Path.GetTempPath(),
        });
        services.AddLogging();
        services.AddSingleton<IDbContextFactory<CxDbContext>>(server);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(Now)));
        services.AddCxFeatures();
        services.AddMetrics();
        services.AddSingleton<CxDashboard.Web.Hosting.Telemetry.AppMetrics>();
        services.AddScoped<UserDirectory>();
        return services.BuildServiceProvider();
    }

    private static Call Query(Func<IServiceProvider, Task> run) => new(Kind.Query, run);

    private static Call Command(Func<IServiceProvider, Task> run) => new(Kind.Command, run);

    private static async Task Run(Call call, IServiceProvider services)
    {
        if (call.Kind == Kind.Command)
        {
            await Commanded(() => call.Run(services));
            return;
        }
        try
        {
            await call.Run(services);
        }
        catch (NotFoundException)
        {
            // The record asked for by id is not in the empty store: its SELECT was sent, which is what is checked.
        }
    }

    /// <summary>Runs a command, letting it refuse as it does when the empty store has nothing to change.</summary>
    private static async Task Commanded(Func<Task> command)
    {
        try
        {
            await command();
        }
        catch (Exception e) when (e is NotFoundException or NotAllowedException or DomainException or ConcurrencyConflictException
            or DbUpdateConcurrencyException)
        {
        }
    }
}

internal static class ServiceProviderExtensions
{
    public static T Get<T>(this IServiceProvider services) where T : notnull => services.GetRequiredService<T>();
}

using System.Reflection;
using System.Text;
using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Admin;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Governance;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Organisation;
using CxDashboard.Domain.Scorecards;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Actions;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using CxDashboard.Web.Features.Friction;
using CxDashboard.Web.Features.Governance;
using CxDashboard.Web.Features.Metrics;
using CxDashboard.Web.Features.Notifications;
using CxDashboard.Web.Features.Scorecards;
using CxDashboard.Web.Features.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Http;

/// <summary>
/// Every command a page can run, called on the server as someone who may not run it: the service
/// refuses with its permission exception and the data, and the audit trail, stay as they were. A page
/// that hides a button is a courtesy; these are the checks an attacker with a circuit meets.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    /// <summary>A command, who tries it, and the call, given the demo records it acts on.</summary>
    public sealed record Attempt(string Command, string Who, Func<Scope, Task<object?>> Run)
    {
        public override string ToString() => $"{Command} as {Who}";
    }

    /// <summary>The services of one request and the demo records the commands act on, for the caller trying them.</summary>
    public sealed record Scope(IServiceProvider Services, Caller Caller, DemoRecords Records)
    {
        public T Get<T>() where T : notnull => Services.GetRequiredService<T>();
    }

    private static Attempt Try(string command, string who, Func<Scope, Task> run) =>
        new(command, who, async scope => { await run(scope); return null; });

    private static Attempt Try<T>(string command, string who, Func<Scope, Task<T>> run) =>
        new(command, who, async scope => await run(scope));

    private const string Executive = Roles.Executive;
    private const string Contributor = Roles.Contributor;
    private const string ChannelLead = Roles.ChannelLead;
    private const string CxLead = Roles.CxLead;
    private const string Admin = Roles.Admin;

    /// <summary>
    /// One line per command and refused caller. Executives read everything and change nothing, so each
    /// command is tried by one; the lines after it try the narrower rules (another team's record, a
    /// contributor re-planning, a lead doing the head of CX's or an Admin's work).
    /// </summary>
    public static readonly Attempt[] Attempts =
    [
        Try("ActionService.CreateAsync", Executive, s => s.Get<ActionService>().CreateAsync(s.Records.NewAction, s.Caller, default)),
        Try("ActionService.CreateAsync", Contributor, s => s.Get<ActionService>().CreateAsync(s.Records.NewAction, s.Caller, default)),
        Try("ActionService.UpdateAsync", Executive, s => s.Get<ActionService>().UpdateAsync(s.Records.ContributorsAction.Id,
            s.Records.ContributorsAction.ToPlan() with { QuickWin = true }, s.Records.ContributorsAction.Version, s.Caller, default)),
        Try("ActionService.UpdateAsync", Contributor, s => s.Get<ActionService>().UpdateAsync(s.Records.ContributorsAction.Id,
            s.Records.ContributorsAction.ToPlan() with { DueDate = s.Records.ContributorsAction.DueDate.AddDays(90) }, s.Records.ContributorsAction.Version, s.Caller, default)),
        Try("ActionService.ChangeStatusAsync", Executive, s => s.Get<ActionService>().ChangeStatusAsync(s.Records.ContributorsAction.Id,
            ActionMove.Complete, null, s.Records.ContributorsAction.Version, s.Caller, default)),
        Try("ActionService.ChangeStatusAsync", ChannelLead, s => s.Get<ActionService>().ChangeStatusAsync(s.Records.OtherTeamsAction.Id,
            ActionMove.Complete, null, s.Records.OtherTeamsAction.Version, s.Caller, default)),
        Try("ActionService.AddNoteAsync", Executive, s => s.Get<ActionService>().AddNoteAsync(s.Records.ContributorsAction.Id, "Looks fine to me", s.Caller, default)),

        Try("FrictionService.CreateAsync", Executive, s => s.Get<FrictionService>().CreateAsync(new FrictionDraft(s.Records.OtherTeamsIssue.Details, [], []), s.Caller, default)),
        Try("FrictionService.CreateAsync", Contributor, s => s.Get<FrictionService>().CreateAsync(new FrictionDraft(s.Records.OtherTeamsIssue.Details, [], []), s.Caller, default)),
        Try("FrictionService.UpdateDetailsAsync", Executive, s => s.Get<FrictionService>().UpdateDetailsAsync(s.Records.OtherTeamsIssue.Id,
            s.Records.OtherTeamsIssue.Details with { Severity = 1 }, s.Records.OtherTeamsIssue.Version, s.Caller, default)),
        Try("FrictionService.UpdateDetailsAsync", ChannelLead, s => s.Get<FrictionService>().UpdateDetailsAsync(s.Records.OtherTeamsIssue.Id,
            s.Records.OtherTeamsIssue.Details with { Severity = 1 }, s.Records.OtherTeamsIssue.Version, s.Caller, default)),
        Try("FrictionService.ChangeStatusAsync", Executive, s => s.Get<FrictionService>().ChangeStatusAsync(s.Records.OtherTeamsIssue.Id, FrictionMove.WontFix, "Not ours", s.Caller, default)),
        Try("FrictionService.ChangeStatusAsync", ChannelLead, s => s.Get<FrictionService>().ChangeStatusAsync(s.Records.OtherTeamsIssue.Id, FrictionMove.WontFix, "Not ours", s.Caller, default)),
        Try("FrictionService.WriteResolutionAsync", Executive, s => s.Get<FrictionService>().WriteResolutionAsync(s.Records.OtherTeamsIssue.Id, "Fixed", s.Caller, default)),
        Try("FrictionService.RecordPeopleToldAsync", Contributor, s => s.Get<FrictionService>().RecordPeopleToldAsync(s.Records.OtherTeamsIssue.Id,
            ToldAudience.Customers, "E-mail", s.Records.Now, s.Caller, default)),
        Try("FrictionService.LinkMetricAsync", Executive, s => s.Get<FrictionService>().LinkMetricAsync(s.Records.OtherTeamsIssue.Id, new MetricLink(s.Records.Metric.Id, null), s.Caller, default)),
        Try("FrictionService.UnlinkMetricAsync", Executive, s => s.Get<FrictionService>().UnlinkMetricAsync(s.Records.OtherTeamsIssue.Id, s.Records.Metric.Id, s.Caller, default)),
        Try("FrictionService.RecordMetricCheckAsync", Executive, s => s.Get<FrictionService>().RecordMetricCheckAsync(s.Records.OtherTeamsIssue.Id, s.Records.Metric.Id,
            Period.Parse("2026-Q2"), Period.Parse("2026-Q3"), s.Caller, default)),
        Try("FrictionService.GiveReasonToCloseWithoutImprovementAsync", Executive, s => s.Get<FrictionService>().GiveReasonToCloseWithoutImprovementAsync(
            s.Records.OtherTeamsIssue.Id, s.Records.Metric.Id, "Fixed anyway", s.Caller, default)),
        Try("FrictionService.GiveReasonToCloseWithoutImprovementAsync", ChannelLead, s => s.Get<FrictionService>().GiveReasonToCloseWithoutImprovementAsync(
            s.Records.OtherTeamsIssue.Id, s.Records.Metric.Id, "Fixed anyway", s.Caller, default)),

        Try("FeedbackService.RecordAsync", Executive, s => s.Get<FeedbackService>().RecordAsync(s.Records.NewFeedback, s.Caller)),
        Try("FeedbackService.RecordAsync", Admin, s => s.Get<FeedbackService>().RecordAsync(s.Records.NewFeedback, s.Caller)),
        Try("FeedbackService.MarkContactedAsync", Executive, s => s.Get<FeedbackService>().MarkContactedAsync(s.Records.FollowUp.Id, "Called back", s.Records.FollowUp.Version, s.Caller)),
        Try("FeedbackService.ResolveFollowUpAsync", Executive, s => s.Get<FeedbackService>().ResolveFollowUpAsync(s.Records.FollowUp.Id, "Refunded", s.Records.FollowUp.Version, s.Caller)),
        Try("FeedbackService.ReassignFollowUpAsync", Contributor, s => s.Get<FeedbackService>().ReassignFollowUpAsync(s.Records.FollowUp.Id, s.Caller.PersonId!.Value,
            s.Records.FollowUp.Version, s.Caller)),
        Try("FeedbackService.ReclassifyAsync", Executive, s => s.Get<FeedbackService>().ReclassifyAsync(s.Records.FollowUp.Id, FeedbackCategory.Product,
            Sentiment.Positive, null, s.Records.FollowUp.Version, s.Caller)),
        Try("FeedbackImporter.ImportAsync", Executive, s => s.Get<FeedbackImporter>().ImportAsync(s.Caller, "feedback.csv", Csv("received,channel,verbatim\n"))),
        Try("FeedbackImporter.PreviewAsync", Executive, async s =>
        {
            await using var file = await ImportFile.SpoolAsync(Csv("received,channel,verbatim\n"), "feedback.csv");
            return await s.Get<FeedbackImporter>().PreviewAsync(s.Caller, file, null, new ImportMapping(), null);
        }),
        Try("ImportPresetService.ListAsync", Executive, s => s.Get<ImportPresetService>().ListAsync(s.Caller, "Qualtrics")),
        Try("ImportPresetService.SaveAsync", Executive, s => s.Get<ImportPresetService>().SaveAsync(s.Caller, "Quarterly NPS", "Qualtrics", new ImportMapping())),

        Try("MetricCommands.CreateAsync", Executive, s => s.Get<MetricCommands>().CreateAsync(s.Caller, s.Records.NewMetric(), propose: false)),
        Try("MetricCommands.CreateAsync", Contributor, s => s.Get<MetricCommands>().CreateAsync(s.Caller, s.Records.NewMetric(), propose: false)),
        Try("MetricCommands.UpdateAsync", Executive, s => s.Get<MetricCommands>().UpdateAsync(s.Caller, s.Records.Metric.Id, s.Records.Metric.Version,
            s.Records.Metric.Form(), propose: false)),
        Try("MetricCommands.UpdateAsync", ChannelLead, s => s.Get<MetricCommands>().UpdateAsync(s.Caller, s.Records.OtherTeamsMetric.Id, s.Records.OtherTeamsMetric.Version,
            s.Records.OtherTeamsMetric.Form(), propose: false)),
        Try("MetricCommands.ProposeAsync", Executive, s => s.Get<MetricCommands>().ProposeAsync(s.Caller, s.Records.Metric.Id, s.Records.Metric.Version, [s.Records.OwnTeamId])),
        Try("MetricCommands.SignOffAsync", Executive, s => s.Get<MetricCommands>().SignOffAsync(s.Caller, s.Records.Metric.Id, s.Records.Metric.Version, null)),
        Try("MetricCommands.SignOffAsync", Contributor, s => s.Get<MetricCommands>().SignOffAsync(s.Caller, s.Records.Metric.Id, s.Records.Metric.Version, null)),
        Try("MetricCommands.ObjectAsync", Executive, s => s.Get<MetricCommands>().ObjectAsync(s.Caller, s.Records.Metric.Id, s.Records.Metric.Version, "Too ambitious")),
        Try("MetricCommands.RetireAsync", Executive, s => s.Get<MetricCommands>().RetireAsync(s.Caller, s.Records.Metric.Id, s.Records.Metric.Version, "Not used")),
        Try("MetricCommands.RetireAsync", ChannelLead, s => s.Get<MetricCommands>().RetireAsync(s.Caller, s.Records.Metric.Id, s.Records.Metric.Version, "Not used")),
        Try("MetricCommands.SaveValuesAsync", Executive, s => s.Get<MetricCommands>().SaveValuesAsync(s.Caller, s.Records.Metric.Id, [s.Records.Value(channelId: null)])),
        Try("MetricCommands.SaveValuesAsync", Contributor, s => s.Get<MetricCommands>().SaveValuesAsync(s.Caller, s.Records.Metric.Id, [s.Records.Value(channelId: null)])),
        Try("MetricCommands.SaveValuesAsync", ChannelLead, s => s.Get<MetricCommands>().SaveValuesAsync(s.Caller, s.Records.Metric.Id, [s.Records.Value(s.Records.OtherTeamsChannelId)])),
        Try("MetricValuesImporter.ImportAsync", Executive, s => s.Get<MetricValuesImporter>().ImportAsync(s.Caller, s.Records.Metric.Id, "values.csv", Csv("period,channel,value\n"))),

        Try("GovernanceService.CreateAsync", Executive, s => s.Get<GovernanceService>().CreateAsync(s.Records.NewReview, s.Caller, default)),
        Try("GovernanceService.CreateAsync", ChannelLead, s => s.Get<GovernanceService>().CreateAsync(s.Records.NewReview, s.Caller, default)),
        Try("GovernanceService.UpdateAsync", ChannelLead, s => s.Get<GovernanceService>().UpdateAsync(s.Records.Review.Id, s.Records.NewReview, s.Records.Review.Version, s.Caller, default)),
        Try("GovernanceService.RecordDecisionAsync", Executive, s => s.Get<GovernanceService>().RecordDecisionAsync(s.Records.Review.Id, "Ship it", s.Caller, default)),

        Try("ScorecardService.StartDraftAsync", Executive, s => s.Get<ScorecardService>().StartDraftAsync(s.Caller, s.Records.CurrentQuarter)),
        Try("ScorecardService.StartDraftAsync", ChannelLead, s => s.Get<ScorecardService>().StartDraftAsync(s.Caller, s.Records.CurrentQuarter)),
        Try("ScorecardService.WriteHeadlineAsync", Executive, s => s.Get<ScorecardService>().WriteHeadlineAsync(s.Caller, s.Records.ScorecardQuarter, "All green", null)),
        Try("ScorecardService.WriteCommentaryAsync", Contributor, s => s.Get<ScorecardService>().WriteCommentaryAsync(s.Caller, s.Records.ScorecardQuarter, s.Records.Metric.Id, "Up", null)),
        Try("ScorecardService.PublishAsync", ChannelLead, s => s.Get<ScorecardService>().PublishAsync(s.Caller, s.Records.ScorecardQuarter)),

        Try("AdminService.CreateApiKeyAsync", CxLead, s => s.Get<AdminService>().CreateApiKeyAsync("Survey tool", ApiScopes.FeedbackWrite, s.Caller)),
        Try("AdminService.RevokeApiKeyAsync", Executive, s => s.Get<AdminService>().RevokeApiKeyAsync(1, s.Caller)),
        Try("EmailQueueService.RetryAsync", Executive, s => s.Get<EmailQueueService>().RetryAsync(1, s.Caller)),
        Try("EmailQueueService.RetryAsync", CxLead, s => s.Get<EmailQueueService>().RetryAsync(1, s.Caller)),
        Try("EmailQueueService.RetryDigestsAsync", Executive, s => s.Get<EmailQueueService>().RetryDigestsAsync(s.Caller)),
        Try("EmailQueueService.RetryDigestsAsync", CxLead, s => s.Get<EmailQueueService>().RetryDigestsAsync(s.Caller)),
        Try("AdminService.GrantRoleAsync", CxLead, s => s.Get<AdminService>().GrantRoleAsync(s.Caller.PersonId!.Value, Role.Admin, s.Caller)),
        Try("AdminService.RevokeRoleAsync", CxLead, s => s.Get<AdminService>().RevokeRoleAsync(s.Records.AdminPersonId, Role.Admin, s.Caller)),
        Try("ThemeService.SaveAsync", Executive, s => s.Get<ThemeService>().SaveAsync(new ThemeDraft(null, "Gift wrap", null, "\"gift wrap*\""), s.Caller)),
        Try("ThemeService.SaveAsync", Contributor, s => s.Get<ThemeService>().SaveAsync(new ThemeDraft(null, "Gift wrap", null, "\"gift wrap*\""), s.Caller)),
        Try("ThemeService.SaveAsync", ChannelLead, s => s.Get<ThemeService>().SaveAsync(new ThemeDraft(s.Records.ThemeId, "Renamed", null, "late"), s.Caller)),
        Try("ThemeService.LinkToIssueAsync", Contributor, s => s.Get<ThemeService>().LinkToIssueAsync(s.Records.OtherTeamsIssue.Id, s.Records.ThemeId, s.Caller)),
        Try("ThemeService.LinkToIssueAsync", ChannelLead, s => s.Get<ThemeService>().LinkToIssueAsync(s.Records.OtherTeamsIssue.Id, s.Records.ThemeId, s.Caller)),
        Try("ThemeService.UnlinkFromIssueAsync", Executive, s => s.Get<ThemeService>().UnlinkFromIssueAsync(s.Records.OtherTeamsIssue.Id, s.Records.ThemeId, s.Caller)),
        Try("ThemeService.ActivateAsync", ChannelLead, s => s.Get<ThemeService>().ActivateAsync(s.Records.ThemeId, 0, s.Caller)),
        Try("ThemeService.DeleteAsync", ChannelLead, s => s.Get<ThemeService>().DeleteAsync(s.Records.ThemeId, 0, s.Caller)),
        Try("ThemeService.DeleteAsync", Contributor, s => s.Get<ThemeService>().DeleteAsync(s.Records.ThemeId, 0, s.Caller)),
        Try("ThemeService.DeleteAsync", Executive, s => s.Get<ThemeService>().DeleteAsync(s.Records.ThemeId, 0, s.Caller)),

        Try("AdminService.EraseCustomerAsync", CxLead, s => s.Get<AdminService>().EraseCustomerAsync(s.Records.CustomerRef, s.Caller)),
    ];

    /// <summary>Methods that take a caller and only read; each checks what the caller may see, and is tested with its area.</summary>
    private static readonly HashSet<string> Reads =
    [
        "ActionService.ListAsync",
        "AdminService.ListApiKeysAsync", "AdminService.FindPeopleAsync", "AdminService.ListTeamsAsync", "AdminService.CountCustomerFeedbackAsync",
        "AuditService.GetPageAsync",
        "EmailQueueService.GetQueueAsync",
        "NotificationService.CountUnreadAsync", "NotificationService.GetPageAsync", "NotificationSettingsService.GetAsync",
        "ExportService.WriteFeedbackAsync", "ExportService.WriteActionsAsync", "ExportService.WriteMetricCatalogueAsync", "ExportService.WriteMetricValuesAsync",
        "FeedbackService.GetFollowUpsAsync", "FeedbackService.CountMyOverdueAsync", "FeedbackService.GetInboxPageAsync", "FeedbackService.GetDetailAsync",
        "MetricsService.GetCatalogueAsync", "MetricsService.GetDetailsAsync", "MetricsService.GetSeriesAsync", "MetricsService.GetValueGridAsync",
        "ScorecardService.ListAsync", "ScorecardService.GetAsync", "ScorecardService.CompareAsync",
    ];

    /// <summary>
    /// Methods that record what a caller has just done rather than change anything of theirs: who may
    /// do it is decided before them (an export's audit entry, by the export route's policy in the route table).
    /// Marking notifications read records that their recipient has seen them; it reaches only the caller's own
    /// (another's is "not found", tested in NotificationServiceTests). A person's notification settings are theirs alone:
    /// the methods take no one else's id (NotificationSettingsServiceTests).
    /// </summary>
    private static readonly HashSet<string> Records =
    [
        "ExportAuditTrail.RecordAsync", "NotificationService.MarkReadAsync", "NotificationService.MarkAllReadAsync",
        "NotificationSettingsService.SaveAsync", "NotificationSettingsService.ResetAsync",
    ];

    public static TheoryData<Attempt> Refusals => [.. Attempts];

    [Fact]
    public void Every_service_method_that_acts_for_a_caller_is_tried_by_someone_who_may_not_or_is_a_read()
    {
        var methods = typeof(Policies).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("CxDashboard.Web.Features", StringComparison.Ordinal) == true && t.IsClass && !t.IsAbstract)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType) && m.GetParameters().Any(p => p.ParameterType == typeof(Caller)))
                .Select(m => $"{t.Name}.{m.Name}"))
            .ToHashSet(StringComparer.Ordinal);
        var tried = Attempts.Select(a => a.Command).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(methods.Except(tried).Except(Reads).Except(Records).Order(StringComparer.Ordinal));
        Assert.Empty(tried.Union(Reads).Union(Records).Except(methods).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_command_run_by_someone_who_may_not_is_refused_and_changes_nothing(Attempt attempt)
    {
        var caller = await app.CallerAsync(attempt.Who);
        var records = await DemoRecords.LoadAsync(app, caller);
        var before = await FingerprintAsync();

        await using var services = app.Services.CreateAsyncScope();
        var outcome = await Record(() => attempt.Run(new Scope(services.ServiceProvider, caller, records)));

        switch (outcome)
        {
            case NotAllowedException:
                break;
            case ValueSaveResult { Succeeded: false }:
                // Values are checked row by row and refused together, each refusal naming its row.
                break;
            default:
                Assert.Fail($"{attempt} was not refused: {outcome?.GetType().Name ?? "it ran"} {(outcome as Exception)?.Message}");
                break;
        }
        Assert.Equal(before, await FingerprintAsync());
    }

    private static async Task<object?> Record(Func<Task<object?>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>Every saved change writes an audit entry, and nothing is deleted without one, so these move with any change.</summary>
    private async Task<string> FingerprintAsync()
    {
        await using var db = await app.CreateDbContextAsync();
        return string.Join("/",
            await db.AuditEntries.CountAsync(), await db.Actions.CountAsync(), await db.FrictionIssues.CountAsync(), await db.Feedback.CountAsync(),
            await db.Metrics.CountAsync(), await db.MetricValues.CountAsync(), await db.Reviews.CountAsync(), await db.Scorecards.CountAsync(),
            await db.RoleGrants.CountAsync(), await db.ApiKeys.CountAsync(), await db.Themes.CountAsync(),
            await db.Themes.CountAsync(t => t.Name == "Renamed"),
            await db.Feedback.CountAsync(f => f.CustomerRef != null));
    }

    /// <summary>The demo records the commands act on, chosen for the caller (their own action, another team's issue…).</summary>
    public sealed record DemoRecords(
        DateTime Now,
        int OwnTeamId,
        ActionDetail ContributorsAction,
        ActionDetail OtherTeamsAction,
        ActionDraft NewAction,
        (int Id, int Version, FrictionDetails Details) OtherTeamsIssue,
        (int Id, int Version) FollowUp,
        RecordFeedbackCommand NewFeedback,
        MetricRecord Metric,
        MetricRecord OtherTeamsMetric,
        int OtherTeamsChannelId,
        (int Id, int Version) Review,
        ReviewDraft NewReview,
        Period CurrentQuarter,
        Period ScorecardQuarter,
        int AdminPersonId,
        string CustomerRef,
        int ThemeId)
    {
        public ValueInput Value(int? channelId) =>
            new(1, Period.Containing(DateOnly.FromDateTime(Now), PeriodKind.Month).Previous, channelId, 42, null);

        public MetricForm NewMetric() => new()
        {
            Code = "ZZTEST", Name = "Store queue time", Description = "Minutes in the queue", Formula = "mean(minutes)", DataSource = "Till system",
            OwnerPersonId = ContributorsAction.OwnerPersonId, OwningTeamId = OwnTeamId,
        };

        public static async Task<DemoRecords> LoadAsync(App app, Caller caller)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var actions = scope.ServiceProvider.GetRequiredService<ActionService>();
            var metrics = scope.ServiceProvider.GetRequiredService<MetricCommands>();
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            await using var db = await app.CreateDbContextAsync();
            var contributor = await app.CallerAsync(Roles.Contributor);
            var lead = await app.CallerAsync(Roles.ChannelLead);
            var ownTeam = caller.TeamId!.Value;

            var open = db.Actions.Where(a => a.Status != ActionStatus.Done && a.Status != ActionStatus.Cancelled);
            var contributorsAction = await open.Where(a => a.OwnerPersonId == contributor.PersonId).Select(a => a.Id).FirstAsync();
            var otherTeamsAction = await open.Where(a => a.TeamId != lead.TeamId).Select(a => a.Id).FirstAsync();
            var mine = await actions.GetAsync(contributorsAction, default);

            var issue = await db.FrictionIssues.Include(i => i.Channels).Include(i => i.ContributingTeams)
                .Where(i => i.OwningTeamId != lead.TeamId && i.Status != FrictionStatus.Closed && i.Status != FrictionStatus.WontFix)
                .OrderBy(i => i.Id).FirstAsync();
            var details = new FrictionDetails(issue.Title, issue.Description, issue.JourneyStageId, issue.Channels.Select(c => c.ChannelId).ToList(),
                issue.Category, issue.Severity, issue.CustomersAffected, issue.RootCause, issue.OwningTeamId, issue.OwnerPersonId,
                issue.ContributingTeams.Select(t => t.TeamId).ToList(), issue.DueDate);

            var followUp = await db.Feedback.Where(f => f.FollowUpStatus == FollowUpStatus.Open && f.FollowUpOwnerPersonId != caller.PersonId)
                .OrderBy(f => f.Id).Select(f => new { f.Id, f.ChannelId, Version = EF.Property<int>(f, CxDbContext.VersionProperty) }).FirstAsync();
            var agreed = db.Metrics.Where(m => m.Status == MetricStatus.Agreed).OrderBy(m => m.Id);
            var metric = await agreed.Select(m => m.Id).FirstAsync();
            var otherTeamsMetric = await agreed.Where(m => m.OwningTeamId != lead.TeamId).Select(m => m.Id).FirstAsync();
            var otherTeamsChannel = await db.Channels.Where(c => c.OwningTeamId != lead.TeamId).Select(c => c.Id).FirstAsync();
            var review = await db.Reviews.OrderBy(r => r.Id).Select(r => new { r.Id, Version = EF.Property<int>(r, CxDbContext.VersionProperty) }).FirstAsync();
            var quarter = Period.Containing(DateOnly.FromDateTime(now), PeriodKind.Quarter);
            var scorecard = (await db.Scorecards.Select(s => s.Quarter).ToListAsync()).Max();
            var admin = await app.CallerAsync(Roles.Admin);
            var customerRef = await db.Feedback.Where(f => f.CustomerRef != null).Select(f => f.CustomerRef).FirstOrDefaultAsync() ?? "CUST-20417";
            // A theme of the head of CX's: a lead may change only their own proposals.
            var theme = await db.Themes.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();

            return new DemoRecords(now, ownTeam,
                mine, await actions.GetAsync(otherTeamsAction, default),
                new ActionDraft("Brief every store on click and collect", null, mine.OwnerPersonId, mine.TeamId, DateOnly.FromDateTime(now).AddDays(14), 2, 1, true),
                (issue.Id, db.Entry(issue).Property<int>(CxDbContext.VersionProperty).CurrentValue, details),
                (followUp.Id, followUp.Version),
                new RecordFeedbackCommand(now.AddHours(-1), followUp.ChannelId, null, FeedbackSource.Complaint, FeedbackCategory.Service,
                    Sentiment.Negative, null, null, "The parcel was not there.", null),
                await MetricRecord.LoadAsync(metrics, metric), await MetricRecord.LoadAsync(metrics, otherTeamsMetric), otherTeamsChannel,
                (review.Id, review.Version),
                new ReviewDraft(ReviewKind.MonthlyCxCouncil, "Extra council", DateOnly.FromDateTime(now), [ownTeam], null),
                quarter, scorecard, admin.PersonId!.Value, customerRef, theme);
        }
    }

    public sealed record MetricRecord(int Id, int Version, Func<MetricForm> Form)
    {
        public static async Task<MetricRecord> LoadAsync(MetricCommands commands, int id)
        {
            var (form, version) = (await commands.GetFormAsync(id))!.Value;
            return new MetricRecord(id, version, () => form);
        }
    }
}

using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Notifications;
using CxDashboard.Domain.Organisation;
using CxDashboard.Domain.Scorecards;
using CxDashboard.Domain.Statistics;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxDashboard.Tests.Features.Notifications;

/// <summary>
/// Roles the identity provider gives, kept at sign-in, count wherever notifications look at roles, as grants made in the
/// app do: the executives told of a published scorecard, the heads of CX a breached follow-up escalates to, the defaults
/// by role. A role the provider stops giving is gone at the next sign-in, and one not seen at a sign-in for
/// <see cref="CxAuthenticationOptions.ProviderRolesCountFor"/> no longer counts.
/// </summary>
public sealed class ProviderRoleNotificationTests : IAsyncLifetime
{
    private FeedbackData _data = null!;
    private ProviderSignIns _signIns = null!;
    private int _erin;
    private int _hana;
    private int _lou;

    public Task InitializeAsync() => SetUpAsync();

    private async Task SetUpAsync(IServiceProvider? appServices = null)
    {
        _data = await FeedbackData.CreateAsync(appServices: appServices);
        _signIns = new ProviderSignIns(_data.Database, _data.Clock);
        await using var db = _data.Database.CreateDbContext();
        var erin = new Person("Erin Exec", "erin@example.com", _data.StoresTeam, subject: "idp-erin");
        var hana = new Person("Hana Ito", "hana.ito@example.com", _data.DigitalTeam, subject: "idp-hana");
        var lou = new Person("Lou Park", "lou.park@example.com", _data.DigitalTeam, subject: "idp-lou");
        db.People.AddRange(erin, hana, lou);
        var metric = MetricDefinition.Draft("NPS", "Net Promoter Score", MetricDimension.Advocacy, _data.Dana, _data.StoresTeam,
            new MetricSpec("How likely to recommend", "promoters - detractors", "Survey tool", MetricUnit.NpsScore, Direction.HigherIsBetter,
                Aggregation.WeightedBySample, PeriodKind.Month, [_data.Store]), [], _data.Dana, FeedbackData.Now);
        db.Metrics.Add(metric);
        db.Scorecards.Add(new Scorecard(Period.Parse("2026-Q4"), _data.Dana, FeedbackData.Now));
        await db.SaveChangesAsync();
        (_erin, _hana, _lou) = (erin.Id, hana.Id, lou.Id);
    }

    public Task DisposeAsync() => _data.Database.DisposeAsync().AsTask();

    private async Task PublishScorecardAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        var metric = await db.Metrics.SingleAsync();
        var line = new ScorecardLine(metric.Id, "NPS", "Net Promoter Score", MetricDimension.Advocacy, MetricUnit.NpsScore, Direction.HigherIsBetter,
            null, "All channels", null, null, 0, null, null, null, null, MinimumSample.Default, null);
        (await db.Scorecards.SingleAsync()).Publish([line], _data.Dana, _data.Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(new AuditActor(_data.Dana, "Dana Reid"), _data.Clock);
    }

    private async Task<List<int>> ToldOfTheScorecardAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        return await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.ScorecardPublished)
            .OrderBy(n => n.RecipientPersonId).Select(n => n.RecipientPersonId).ToListAsync();
    }

    [Fact]
    public async Task An_executive_only_at_the_identity_provider_is_told_of_a_published_scorecard()
    {
        var user = await _signIns.RequestAsync("idp-erin", FeedbackData.Now.AddHours(-2), Roles.Executive);

        await PublishScorecardAsync();

        Assert.True(user.IsInRole(Roles.Executive));
        Assert.Equal([_erin], await ToldOfTheScorecardAsync());
    }

    [Fact]
    public async Task A_head_of_cx_only_at_the_identity_provider_gets_the_escalation_of_a_breached_follow_up()
    {
        await _signIns.RequestAsync("idp-hana", FeedbackData.Now.AddHours(-2), ProviderSignIns.HeadsOfCxGroup);
        int followUp;
        await using (var db = _data.Database.CreateDbContext())
        {
            var item = new FeedbackItem(new FeedbackDetails(FeedbackData.Now.AddHours(-49), _data.Store, null, FeedbackSource.Survey,
                FeedbackCategory.Service, Sentiment.Negative, ScoreScale.Nps, 2, "Nobody called me back.", null), _data.Cara, FeedbackData.Now.AddHours(-49));
            item.OpenFollowUp(_data.Cara, TimeSpan.FromHours(48), FeedbackData.Now.AddHours(-49));
            db.Feedback.Add(item);
            await db.SaveChangesAsync();
            followUp = item.Id;
        }
        var sweep = new NotificationSweep(_data.Database, _data.Clock, NullLogger<NotificationSweep>.Instance);

        await sweep.SweepAsync();
        _data.Clock.Advance(TimeSpan.FromHours(24));
        await sweep.SweepAsync();

        await using var read = _data.Database.CreateDbContext();
        var escalated = await read.Notifications.AsNoTracking().SingleAsync(n => n.RecipientPersonId == _hana);
        Assert.Equal((NotificationKind.FollowUpBreached, $"/feedback/{followUp}"), (escalated.Kind, escalated.Link));
        Assert.StartsWith("Cara Moss's follow-up", escalated.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_lead_only_at_the_identity_provider_has_the_channel_leads_defaults_on_the_settings_page_and_in_routing()
    {
        await _signIns.RequestAsync("idp-lou", FeedbackData.Now.AddHours(-2), Roles.ChannelLead);
        var lou = new Caller(_lou, "Lou Park", _data.DigitalTeam, new HashSet<string> { Roles.ChannelLead });

        var settings = await new NotificationSettingsService(_data.Database, _data.Clock).GetAsync(lou);
        await using var db = _data.Database.CreateDbContext();
        var routed = await NotificationChoices.ForAsync(db, [_lou, _data.Finn], FeedbackData.Now, default);

        Assert.Equal([Role.ChannelLead], settings.Roles);
        Assert.All(settings.Kinds, k => Assert.Equal(NotificationDefaults.For(k.Kind, [Role.ChannelLead]), k.Default));
        Assert.Equal(NotificationChannel.EmailNow, settings.Kinds.Single(k => k.Kind == NotificationKind.DetractorInMyArea).Channel);
        Assert.Equal(NotificationChannel.EmailNow, routed.For(_lou, NotificationKind.DetractorInMyArea));
        Assert.Equal(NotificationChannel.InApp, routed.For(_data.Finn, NotificationKind.DetractorInMyArea));
    }

    [Fact]
    public async Task A_role_the_provider_stops_giving_is_gone_after_the_next_sign_in()
    {
        await _signIns.RequestAsync("idp-erin", FeedbackData.Now.AddDays(-3), Roles.Executive);

        var user = await _signIns.RequestAsync("idp-erin", FeedbackData.Now.AddHours(-1));
        await PublishScorecardAsync();

        Assert.False(user.IsInRole(Roles.Executive));
        Assert.Empty(await ToldOfTheScorecardAsync());
    }

    [Fact]
    public async Task An_older_sign_in_still_open_in_another_browser_does_not_bring_back_a_role_the_provider_took_away()
    {
        await _signIns.RequestAsync("idp-erin", FeedbackData.Now.AddHours(-1));

        await _signIns.RequestAsync("idp-erin", FeedbackData.Now.AddHours(-5), Roles.Executive);
        await PublishScorecardAsync();

        Assert.Empty(await ToldOfTheScorecardAsync());
    }

    [Theory]
    [InlineData(29, true)]
    [InlineData(31, false)]
    public async Task Provider_roles_count_for_thirty_days_after_the_last_sign_in(int daysAway, bool told)
    {
        await _signIns.RequestAsync("idp-erin", FeedbackData.Now.AddDays(-daysAway), Roles.Executive);
        await _signIns.RequestAsync("idp-hana", FeedbackData.Now.AddDays(-daysAway), ProviderSignIns.HeadsOfCxGroup);

        await PublishScorecardAsync();
        await using var db = _data.Database.CreateDbContext();
        var choices = await NotificationChoices.ForAsync(db, [_hana], FeedbackData.Now, default);

        Assert.Equal(told ? new[] { _erin } : [], await ToldOfTheScorecardAsync());
        Assert.Equal(told ? new[] { Role.CxLead } : [], choices.RolesOf(_hana));
    }

    [Fact]
    public async Task How_long_provider_roles_count_after_the_last_sign_in_is_configurable()
    {
        await DisposeAsync();
        var appServices = new ServiceCollection()
            .Configure<CxAuthenticationOptions>(o => o.ProviderRolesCountFor = TimeSpan.FromDays(90))
            .BuildServiceProvider();
        await SetUpAsync(appServices);
        await _signIns.RequestAsync("idp-erin", FeedbackData.Now.AddDays(-60), Roles.Executive);

        await PublishScorecardAsync();

        Assert.Equal([_erin], await ToldOfTheScorecardAsync());
    }

    [Fact]
    public async Task Grants_made_in_the_app_count_however_long_ago_the_person_signed_in()
    {
        await using (var db = _data.Database.CreateDbContext())
        {
            db.RoleGrants.Add(new RoleGrant(_erin, Role.Executive, "admin@example.com", FeedbackData.Now.AddYears(-1)));
            await db.SaveChangesAsync();
        }
        await _signIns.RequestAsync("idp-erin", FeedbackData.Now.AddDays(-200), Roles.Executive);

        await PublishScorecardAsync();

        Assert.Equal([_erin], await ToldOfTheScorecardAsync());
    }
}

using Bunit;
using CxDashboard.Domain.Actions;
using CxDashboard.Tests.Features.Dashboard;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Components.Pages;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Actions;
using CxDashboard.Web.Features.Dashboard;
using CxDashboard.Web.Features.Feedback;
using CxDashboard.Web.Hosting.Telemetry;
using CxDashboard.Web.Features.Friction;
using CxDashboard.Web.Features.Themes;
using CxDashboard.Web.Features.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Components.Shell;

public sealed class HomeTests : ShellTestContext
{
    private static readonly DateTime Now = new(2026, 11, 15, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    public HomeTests() => SignInAs("Jordan Lee", Roles.Executive);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(Now));

    private void UseDatabase(IDbContextFactory<CxDbContext> factory)
    {
        var clock = _clock;
        Services.AddSingleton<TimeProvider>(clock);
        Services.AddSingleton(new DashboardService(factory, clock));
        Services.AddSingleton(new DashboardFigures(clock));
        Services.AddSingleton(new MetricsService(factory, clock));
        Services.AddSingleton(new FrictionService(factory, clock));
        Services.AddSingleton(new ActionService(factory, clock));
        Services.AddSingleton(new FeedbackService(factory, clock, Options.Create(new FollowUpOptions()),
            new AppMetrics(MeterRecorder.NewMeterFactory()), new VerbatimSearch(NullLogger<VerbatimSearch>.Instance)));
        Services.AddLogging();
        Services.AddSingleton(factory);
        Services.AddSingleton(new VerbatimSearch(NullLogger<VerbatimSearch>.Instance));
        Services.AddCxThemes();
        // The dashboard renders on the server without a circuit. Reaching the renderer builds the service
        // provider, so this comes after the services.
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
    }

    private static Dictionary<string, string> CountsByTile(IRenderedComponent<Home> home) =>
        home.FindAll(".cx-tile").ToDictionary(
            tile => tile.QuerySelector("h2")!.TextContent.Trim(),
            tile => tile.QuerySelector("[data-testid=tile-count]")!.TextContent.Trim());

    [Fact]
    public async Task Home_shows_the_four_numbers_counted_in_the_database_with_links_to_the_lists_behind_them()
    {
        await using var database = await TestDatabase.CreateAsync();
        var data = await DashboardTestData.CreateAsync(database, Now);
        await data.AddMetricsAsync(data.Agree, data.Agree, data.Propose);
        await data.AddFrictionIssuesAsync(_ => { }, data.Close);
        await data.AddActionAsync(Today.AddDays(-3));
        await data.AddActionAsync(Today.AddDays(-3), a => a.Complete(data.Lead.Id, Now.AddDays(-4)));
        await data.AddFeedbackAsync(Now.AddDays(-1), Now.AddDays(-2), Now.AddDays(-3), Now.AddDays(-4), new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc));
        UseDatabase(database);

        var home = Render<Home>();

        await home.WaitForAssertionAsync(() => Assert.Equal(new Dictionary<string, string>
        {
            ["Metrics agreed"] = "2",
            ["Open friction issues"] = "1",
            ["Overdue actions"] = "1",
            ["Feedback this quarter"] = "4",
        }, CountsByTile(home)));
        Assert.Equal("Dashboard", home.Find("h1").TextContent.Trim());
        var links = home.FindAll(".cx-tile a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["metrics?status=Agreed", "friction?open=true", "actions?overdue=true", "feedback?period=2026-Q4"], links);
    }

    [Fact]
    public async Task Home_shows_an_error_alert_and_no_numbers_when_the_database_fails()
    {
        UseDatabase(new UnavailableDatabase());

        var home = Render<Home>();

        await home.WaitForAssertionAsync(() => Assert.Contains("could not be read from the database", home.Find("[data-testid=dashboard-error]").TextContent));
        Assert.Empty(home.FindAll("[data-testid=tile-count]"));
    }

    [Fact]
    public async Task Home_says_the_database_is_unavailable_when_it_cannot_be_reached()
    {
        UseDatabase(new UnreachableDatabase());

        var home = Render<Home>();

        await home.WaitForAssertionAsync(() => Assert.Contains("The database is unavailable just now", home.Find("[data-testid=dashboard-error]").TextContent));
        Assert.Empty(home.FindAll("[data-testid=tile-count]"));
    }

    [Fact]
    public async Task Try_again_after_a_database_failure_asks_for_the_same_dashboard_afresh()
    {
        UseDatabase(new UnavailableDatabase());
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?quarter=2026-Q3");

        var home = Render<Home>();

        var retry = await home.WaitForElementAsync("[data-testid=dashboard-error] a");
        Assert.Equal("Try again", retry.TextContent.Trim());
        Assert.Equal("http://localhost/?quarter=2026-Q3", retry.GetAttribute("href"));
    }

    [Fact]
    public async Task The_quarter_and_channel_in_the_address_are_the_ones_shown_and_chosen_in_the_form()
    {
        await using var database = await TestDatabase.CreateAsync();
        var data = await DashboardTestData.CreateAsync(database, Now);
        UseDatabase(database);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/?quarter=2026-Q3&channel={data.Store.Id}");

        var home = Render<Home>();

        await home.WaitForAssertionAsync(() => Assert.Contains("Median days to close in 2026-Q3", home.Find("[data-section=closed-loop]").TextContent));
        Assert.Equal("2026-Q3", home.Find("select[name=quarter] option[selected]").TextContent.Trim());
        Assert.Equal(data.Store.Name, home.Find("select[name=channel] option[selected]").TextContent.Trim());
        var form = home.Find("form[data-testid=dashboard-filters]");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("Show", form.QuerySelector("button[type=submit]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/?quarter=2019-Q1&channel=999")]
    [InlineData("/?quarter=next&channel=stores")]
    [InlineData("/?channel=")]
    public async Task An_unknown_quarter_or_channel_in_the_address_shows_this_quarter_for_all_channels(string address)
    {
        await using var database = await TestDatabase.CreateAsync();
        await DashboardTestData.CreateAsync(database, Now);
        UseDatabase(database);
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);

        var home = Render<Home>();

        await home.WaitForAssertionAsync(() => Assert.Contains("Median days to close in 2026-Q4", home.Find("[data-section=closed-loop]").TextContent));
        Assert.Equal("2026-Q4", home.Find("select[name=quarter] option[selected]").TextContent.Trim());
        Assert.Equal("All channels", home.Find("select[name=channel] option[selected]").TextContent.Trim());
        Assert.Empty(home.FindAll("[data-testid=dashboard-error]"));
    }

    [Fact]
    public async Task Sections_show_figures_up_to_a_minute_old_while_the_tiles_count_afresh()
    {
        await using var database = await TestDatabase.CreateAsync();
        var data = await DashboardTestData.CreateAsync(database, Now);
        await data.AddFeedbackAsync(Now.AddDays(-1), Now.AddDays(-2));
        UseDatabase(database);
        string StoreTotal(IRenderedComponent<Home> home) =>
            home.Find($"[data-section=feedback-volume] tr[data-channel='{data.Store.Code}'] td:last-child").TextContent.Trim();

        var first = Render<Home>();
        await first.WaitForAssertionAsync(() => Assert.Equal("2", StoreTotal(first)));

        await data.AddFeedbackAsync(Now.AddHours(-1));
        _clock.Advance(TimeSpan.FromSeconds(59));
        var within = Render<Home>();
        await within.WaitForAssertionAsync(() => Assert.Equal("3", CountsByTile(within)["Feedback this quarter"]));
        await within.WaitForAssertionAsync(() => Assert.Equal("2", StoreTotal(within)));
        Assert.Contains("worked out at most once a minute", within.Find("[data-testid=dashboard-freshness]").TextContent);

        _clock.Advance(TimeSpan.FromSeconds(1));
        var later = Render<Home>();
        await later.WaitForAssertionAsync(() => Assert.Equal("3", StoreTotal(later)));
    }

    /// <summary>A database that cannot be reached.</summary>
    private sealed class UnavailableDatabase : IDbContextFactory<CxDbContext>
    {
        public CxDbContext CreateDbContext() => throw new InvalidOperationException("The database server was not found.");
    }

    /// <summary>A SQLite file that cannot be opened.</summary>
    private sealed class UnreachableDatabase : IDbContextFactory<CxDbContext>
    {
        public CxDbContext CreateDbContext() => throw new Microsoft.Data.Sqlite.SqliteException("unable to open database file", 14);
    }
}

using System.Net;
using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Scorecards;
using CxDashboard.Tests.Http.Auth;
using SignedInBrowser = CxDashboard.Tests.Http.Auth.Browser;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Http.Scorecards;

/// <summary>The workbook download on the demo retailer: published scorecards for past quarters, a draft for the current one.</summary>
public sealed class ScorecardExportTests : IDisposable
{
    private readonly AppFactory _app = new(seedDemoData: true, settings: new Dictionary<string, string?> { ["Authentication:DevelopmentSignIn"] = "true" });

    public void Dispose() => _app.Dispose();

    private async Task<SignedInBrowser> SignedInAsAsync(string name)
    {
        string subject;
        await using (var db = _app.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContext())
        {
            subject = await db.People.Where(p => p.DisplayName == name).Select(p => p.Subject!).SingleAsync();
        }
        var browser = new SignedInBrowser(_app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = true, BaseAddress = CxDashboardFactory.BaseAddress,
        }));
        var page = await browser.GetAsync(AccountPaths.SignIn);
        var token = SignedInBrowser.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        var signedIn = await browser.PostFormAsync(AccountPaths.DevelopmentSignIn,
        [
            KeyValuePair.Create("subject", subject),
            KeyValuePair.Create("returnUrl", "/account/me"),
            KeyValuePair.Create("__RequestVerificationToken", token),
        ]);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        return browser;
    }

    private async Task<(string Draft, string Published)> QuartersAsync()
    {
        await using var db = _app.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContext();
        var scorecards = await db.Scorecards.Select(s => new { s.Quarter, s.Status }).ToListAsync();
        return (scorecards.Single(s => s.Status == ScorecardStatus.Draft).Quarter.ToString(),
            scorecards.Where(s => s.Status == ScorecardStatus.Published).Max(s => s.Quarter).ToString());
    }

    [Fact]
    public async Task A_downloaded_scorecard_is_written_to_the_audit_trail_with_who_took_it()
    {
        var executive = await SignedInAsAsync("Margaret Osei");
        var (_, published) = await QuartersAsync();

        Assert.Equal(HttpStatusCode.OK, (await executive.GetAsync($"/export/scorecards/{published}.xlsx")).StatusCode);

        await using var db = _app.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContext();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Action == AuditAction.Exported);
        Assert.Equal(("Margaret Osei", "Export", $"scorecard {published}"), (entry.ActorName, entry.EntityType, entry.EntityId));
        Assert.Matches($"^Exported [0-9,]+ rows of scorecard {published} to Excel; filters: none$", entry.Summary);
    }

    [Fact]
    public async Task An_executive_downloads_a_published_scorecard_but_is_forbidden_the_draft()
    {
        var executive = await SignedInAsAsync("Margaret Osei");
        var (draft, published) = await QuartersAsync();

        var refused = await executive.GetAsync($"/export/scorecards/{draft}.xlsx");
        var workbook = await executive.GetAsync($"/export/scorecards/{published}.xlsx");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"scorecard-{published}.xlsx", workbook.Content.Headers.ContentDisposition!.FileNameStar ?? workbook.Content.Headers.ContentDisposition.FileName);
        using var read = new ClosedXML.Excel.XLWorkbook(await workbook.Content.ReadAsStreamAsync());
        Assert.Equal("Summary", read.Worksheets.First().Name);
    }

    [Fact]
    public async Task The_head_of_cx_downloads_the_draft()
    {
        var lead = await SignedInAsAsync("Eleanor Hartley");
        var (draft, _) = await QuartersAsync();

        var workbook = await lead.GetAsync($"/export/scorecards/{draft}.xlsx");

        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
    }
}

using System.Net;
using ClosedXML.Excel;
using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Http.Exports;

/// <summary>
/// The app on the demo retailer (500 feedback items) with the development sign-in, plus one
/// complaint whose words start like a spreadsheet formula and which carries a customer reference.
/// </summary>
public sealed class ExportAppFixture : IAsyncLifetime
{
    public const string FormulaVerbatim = "=HYPERLINK(\"http://evil.example\",\"Click for a refund\")";
    public const string CustomerRef = "LOY-4471";

    public const string HeadOfCx = "demo-eleanor-hartley";
    public const string StoresChannelLead = "demo-priya-shah";
    public const string Contributor = "demo-grace-okafor";

    /// <summary>The app's clock: the exports are dated by it.</summary>
    public static readonly DateTime Now = new(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc);

    public AppFactory App { get; } = new(seedDemoData: true,
        settings: new Dictionary<string, string?> { ["Authentication:DevelopmentSignIn"] = "true" },
        clock: new FakeTimeProvider(new DateTimeOffset(Now)));

    public async Task InitializeAsync()
    {
        var factory = App.Services.GetRequiredService<IDbContextFactory<CxDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var website = await db.Channels.Where(c => c.Code == "website").Select(c => c.Id).SingleAsync();
        db.Feedback.Add(new FeedbackItem(new FeedbackDetails(Now, website, null, FeedbackSource.Review, FeedbackCategory.Service,
            Sentiment.Negative, null, null, FormulaVerbatim, CustomerRef), null, Now));
        await db.SaveChangesAsync(AuditActor.System, App.Services.GetRequiredService<TimeProvider>());
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }

    public IDbContextFactory<CxDbContext> Database => App.Services.GetRequiredService<IDbContextFactory<CxDbContext>>();

    /// <summary>A cookie-keeping client signed in as the demo person with <paramref name="subject"/>.</summary>
    public async Task<HttpClient> SignedInAsync(string subject)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost"),
        });
        var browser = new Auth.Browser(client);
        var page = await browser.GetAsync(AccountPaths.SignInFor("/"));
        var token = Auth.Browser.AntiforgeryToken(await page.Content.ReadAsStringAsync());
        await browser.PostFormAsync(AccountPaths.DevelopmentSignIn,
        [
            KeyValuePair.Create("subject", subject),
            KeyValuePair.Create("returnUrl", "/account/me"),
            KeyValuePair.Create("__RequestVerificationToken", token),
        ]);
        return client;
    }

    /// <summary>Downloads an export and opens it; fails unless it is an Excel workbook.</summary>
    public static async Task<(XLWorkbook Workbook, string? FileName)> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return (new XLWorkbook(stream), response.Content.Headers.ContentDisposition?.FileName);
    }
}

/// <summary>Reads an exported sheet by its header names.</summary>
public static class ExportSheet
{
    public static IReadOnlyList<string> Headers(IXLWorksheet sheet) =>
        sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();

    public static IXLCell Cell(IXLWorksheet sheet, int row, string header) =>
        sheet.Cell(row, Headers(sheet).ToList().IndexOf(header) + 1);

    public static IEnumerable<IXLRow> DataRows(IXLWorksheet sheet) => sheet.RowsUsed().Skip(1);
}

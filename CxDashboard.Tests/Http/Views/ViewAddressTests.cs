using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Http.Exports;
using CxDashboard.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Http.Views;

/// <summary>Pages opened from an address, as a link someone sent would open them: the view in the address is the view shown.</summary>
public sealed class ViewAddressTests(ExportAppFixture app) : IClassFixture<ExportAppFixture>
{
    private static async Task<string> PageAsync(HttpClient client, string address)
    {
        var response = await client.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The audit entries listed, as "Action Entity #id", and the "When" of each.</summary>
    private static List<(string What, string When)> AuditRows(string html) =>
        Regex.Matches(html, @"<td style=""white-space: nowrap"">(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)</td>\s*<td>[^<]*</td>\s*<td style=""white-space: nowrap"">([^<]+)</td>")
            .Select(m => (m.Groups[2].Value, m.Groups[1].Value))
            .ToList();

    [Fact]
    public async Task A_link_to_an_older_page_of_the_audit_trail_for_one_kind_of_record_opens_that_page_and_exports_that_filter()
    {
        var client = await app.SignedInAsync(ExportAppFixture.HeadOfCx);
        await using var db = await app.Database.CreateDbContextAsync();
        var kind = await db.AuditEntries.GroupBy(a => a.EntityType).Where(g => g.Count() > AuditService.DefaultPageSize + 1)
            .Select(g => g.Key).FirstAsync();
        var newestFirst = db.AuditEntries.Where(a => a.EntityType == kind).OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
        var edge = await newestFirst.Skip(AuditService.DefaultPageSize - 1).FirstAsync();
        var secondPageFirst = await newestFirst.Skip(AuditService.DefaultPageSize).FirstAsync();
        var after = new AuditCursor(edge.At, edge.Id).ToToken();

        var html = await PageAsync(client, $"/audit?entity={kind}&after={after}&page=2");

        var rows = AuditRows(html);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains($" {kind} #", r.What, StringComparison.Ordinal));
        Assert.Equal($"{secondPageFirst.Action} {kind} #{secondPageFirst.EntityId}", rows[0].What);
        Assert.Contains("Page 2, newest first", html);
        Assert.Contains($"href=\"/export/audit.xlsx?entity={kind}\"", html);
    }

    [Fact]
    public async Task Values_the_audit_page_cannot_read_in_the_address_are_ignored()
    {
        var client = await app.SignedInAsync(ExportAppFixture.HeadOfCx);

        var html = await PageAsync(client, "/audit?from=yesterday&to=2026-13-45&after=not.a-cursor&page=-3");

        Assert.Equal(AuditService.DefaultPageSize, AuditRows(html).Count);
        Assert.Contains("Page 1, newest first", html);
        Assert.Contains("href=\"/export/audit.xlsx?\"", html);
    }

    [Fact]
    public async Task A_link_to_everyones_follow_ups_opens_them_for_the_head_of_CX_and_a_lead_sees_their_own_instead()
    {
        await using var db = await app.Database.CreateDbContextAsync();
        var waiting = await db.Feedback.CountAsync(f => f.FollowUpStatus == FollowUpStatus.Open || f.FollowUpStatus == FollowUpStatus.Contacted);
        var priyas = await db.People.Where(p => p.DisplayName == "Priya Shah").Select(p => p.Id).SingleAsync();
        var hers = await db.Feedback.CountAsync(f => f.FollowUpOwnerPersonId == priyas
            && (f.FollowUpStatus == FollowUpStatus.Open || f.FollowUpStatus == FollowUpStatus.Contacted));
        Assert.NotEqual(waiting, hers);

        var head = await PageAsync(await app.SignedInAsync(ExportAppFixture.HeadOfCx), "/feedback/follow-ups?whose=everyone");
        var lead = await PageAsync(await app.SignedInAsync(ExportAppFixture.StoresChannelLead), "/feedback/follow-ups?whose=everyone");
        var unreadable = await PageAsync(await app.SignedInAsync(ExportAppFixture.StoresChannelLead), "/feedback/follow-ups?whose=the-board");

        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $">{waiting} open or contacted<"), Regex.Replace(head, @"\s+<", "<"));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $">{hers} open or contacted<"), Regex.Replace(lead, @"\s+<", "<"));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $">{hers} open or contacted<"), Regex.Replace(unreadable, @"\s+<", "<"));
    }
}

using System.Net;
using CxDashboard.Domain.Audit;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Audit;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CxDashboard.Tests.Http.Exports.ExportSheet;

namespace CxDashboard.Tests.Http.Exports;

public sealed class ExportAuditTests(ExportAppFixture app) : IClassFixture<ExportAppFixture>
{
    [Fact]
    public async Task An_export_is_written_to_the_audit_trail_with_who_which_list_the_filters_and_the_rows()
    {
        var client = await app.SignedInAsync(ExportAppFixture.StoresChannelLead);
        await using var db = await app.Database.CreateDbContextAsync();
        var website = await db.Channels.Where(c => c.Code == "website").Select(c => c.Id).SingleAsync();

        var (workbook, _) = await ExportAppFixture.DownloadAsync(client, $"/export/feedback.xlsx?channel={website}&sentiment=Negative");
        int rows;
        using (workbook)
        {
            rows = DataRows(workbook.Worksheet(1)).Count();
        }

        var entry = Assert.Single(await ExportEntriesAsync("Priya Shah"));
        Assert.Equal(("feedback", AuditAction.Exported), (entry.EntityId, entry.Action));
        Assert.Equal($"Exported {rows:N0} rows of feedback to Excel; filters: channel={website}, sentiment=Negative", entry.Summary);
        Assert.Contains($"\"Rows\":\"{rows}\"", entry.After);
        var priya = await db.People.Where(p => p.DisplayName == "Priya Shah").Select(p => p.Id).SingleAsync();
        var stored = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == entry.Id);
        Assert.Equal(priya, stored.ActorPersonId);
    }

    [Fact]
    public async Task The_audit_page_lists_exports_under_their_own_kind_of_record()
    {
        var contributor = await app.SignedInAsync(ExportAppFixture.Contributor);
        Assert.Equal(HttpStatusCode.OK, (await contributor.GetAsync("/export/friction.xlsx?open=true")).StatusCode);
        var headOfCx = await app.SignedInAsync(ExportAppFixture.HeadOfCx);

        var html = await headOfCx.GetStringAsync("/audit");

        Assert.Contains(ExportAuditTrail.EntityType, AuditService().EntityTypes());
        Assert.Contains("Exported friction", html);
        Assert.Contains("rows of friction to Excel; filters: open=true", html);
        Assert.Single(await ExportEntriesAsync("Grace Okafor"));
    }

    private AuditService AuditService() => app.App.Services.CreateScope().ServiceProvider.GetRequiredService<AuditService>();

    private async Task<IReadOnlyList<AuditRow>> ExportEntriesAsync(string person)
    {
        var auditor = new Caller(null, "Auditor", null, new HashSet<string> { Roles.CxLead });
        var page = await AuditService().GetPageAsync(new AuditFilter(EntityType: ExportAuditTrail.EntityType, Actor: person), null, auditor);
        return page.Rows;
    }
}

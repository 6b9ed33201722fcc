using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Themes;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Themes;

/// <summary>The head of CX deletes a theme with its tags and friction-issue links; nobody else may, and a theme with themes under it stays.</summary>
public sealed class ThemeDeletionTests : IAsyncLifetime
{
    private ThemeData _data = null!;
    private int _delivery;
    private int _late;
    private int _refunds;

    public async Task InitializeAsync()
    {
        _data = await ThemeData.CreateAsync();
        _delivery = await _data.ThemeAsync("Delivery", "deliver* OR parcel");
        _late = await _data.ThemeAsync("Late", "late", _delivery);
        _refunds = await _data.ThemeAsync("Refunds", "refund*");
    }

    public Task DisposeAsync() => _data.Feedback.Database.DisposeAsync().AsTask();

    private FeedbackData Feedback => _data.Feedback;

    private async Task RecordAsync(string verbatim) =>
        await Feedback.Service().RecordAsync(Feedback.Command(Feedback.Store, ScoreScale.Nps, 2, verbatim: verbatim), Feedback.CxLead);

    private async Task<int> VersionAsync(int themeId) => (await _data.Service().CatalogueAsync()).Single(t => t.Id == themeId).Version;

    [Fact]
    public async Task The_head_of_CX_deletes_a_theme_and_its_tags_issue_links_and_figures_go_with_it_in_the_audit_trail()
    {
        await RecordAsync("Still no refund");
        await RecordAsync("Refund and a late parcel");
        var issue = await Feedback.AddIssueAsync();
        await _data.Service().LinkToIssueAsync(issue, _refunds, Feedback.CxLead);

        await _data.Service().DeleteAsync(_refunds, await VersionAsync(_refunds), Feedback.CxLead);

        await using var db = Feedback.Database.CreateDbContext();
        Assert.False(await db.Themes.AnyAsync(t => t.Id == _refunds));
        Assert.DoesNotContain(await _data.TagsAsync(), t => t.Theme == _refunds);
        Assert.Contains(await _data.TagsAsync(), t => t.Theme == _delivery);
        Assert.False(await db.FrictionIssueThemes.AnyAsync(l => l.ThemeId == _refunds));
        Assert.False(await db.ThemeDailyFigures.AnyAsync(c => c.ThemeId == _refunds));
        Assert.Equal(2, await db.Feedback.CountAsync());
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Deleted);
        Assert.Equal(("Theme", _refunds.ToString(System.Globalization.CultureInfo.InvariantCulture), "Dana Reid"), (entry.EntityType, entry.EntityId, entry.ActorName));
        // What was deleted stays readable in the trail: the name and the rule.
        Assert.Contains("Refunds", entry.Before, StringComparison.Ordinal);
        Assert.Contains("refund*", entry.Before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_theme_with_themes_under_it_is_refused_with_their_names_and_nothing_is_deleted()
    {
        await RecordAsync("The parcel came late");

        var refused = await Assert.ThrowsAsync<DomainException>(() => _data.Service().DeleteAsync(_delivery, 0, Feedback.CxLead));

        Assert.Equal("'Delivery' has 1 theme under it (Late): delete them or move them to another theme first.", refused.Message);
        Assert.Equal(3, (await _data.Service().CatalogueAsync()).Count);
        Assert.Contains(await _data.TagsAsync(), t => t.Theme == _delivery);
    }

    [Fact]
    public async Task A_channel_lead_cannot_delete_a_theme_not_even_their_own_proposal()
    {
        var proposal = await _data.ThemeAsync("Queues", "queue*", proposed: true);

        var refused = await Assert.ThrowsAsync<NotAllowedException>(() => _data.Service().DeleteAsync(proposal, 0, Feedback.StoresLead));

        Assert.Equal("Only the head of CX deletes a theme.", refused.Message);
        Assert.Contains(await _data.Service().CatalogueAsync(), t => t.Id == proposal);
    }
}

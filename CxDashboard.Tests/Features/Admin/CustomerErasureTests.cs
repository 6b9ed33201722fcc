using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Admin;

public sealed class CustomerErasureTests : IAsyncLifetime
{
    private const string Reference = "LOY-88120";
    private const string Secret = "My daughter Ruth collected the parcel from the Leeds store";

    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public async Task DisposeAsync() => await _data.Database.DisposeAsync();

    private AdminService Service => new(_data.Database, _data.Clock);

    private Caller Admin => new(_data.Eli, "Eli Novak", _data.DigitalTeam, new HashSet<string> { Roles.Admin });

    private async Task RecordAsync(string verbatim, string? customerRef, int? nps = null) =>
        await _data.Service().RecordAsync(_data.Command(_data.Store, nps is null ? null : ScoreScale.Nps, nps,
            source: nps is null ? FeedbackSource.Complaint : FeedbackSource.Survey, verbatim: verbatim, customerRef: customerRef), _data.CxLead);

    [Fact]
    public async Task Erasing_a_customer_removes_their_reference_and_words_everywhere_and_the_trail_keeps_neither()
    {
        await RecordAsync(Secret, Reference);
        await RecordAsync("The parcel was late again, second time this month.", Reference, nps: 2);
        await RecordAsync("Another customer entirely: great service.", "LOY-00001", nps: 10);
        Assert.Equal(2, await Service.CountCustomerFeedbackAsync(Reference, Admin));

        var erased = await Service.EraseCustomerAsync(Reference, Admin);

        Assert.Equal(2, erased);
        Assert.Equal(0, await Service.CountCustomerFeedbackAsync(Reference, Admin));
        await using var db = _data.Database.CreateDbContext();
        Assert.False(await db.Feedback.AnyAsync(f => f.CustomerRef == Reference));
        Assert.False(await db.Feedback.AnyAsync(f => f.Verbatim.Contains("Ruth") || f.Verbatim.Contains("late again")));
        Assert.True(await db.Feedback.AnyAsync(f => f.CustomerRef == "LOY-00001" && f.Verbatim.Contains("great service")));

        var trail = await db.AuditEntries.AsNoTracking().ToListAsync();
        var text = string.Join("\n", trail.Select(a => $"{a.Summary} {a.EntityId} {a.Before} {a.After}"));
        Assert.DoesNotContain(Reference, text);
        Assert.DoesNotContain("Ruth", text);
        Assert.DoesNotContain("late again", text);
        var erasure = Assert.Single(trail, a => a.EntityType == "Customer");
        Assert.Equal("Erased personal data of a customer from 2 feedback items", erasure.Summary);
        Assert.Equal("Eli Novak", erasure.ActorName);
    }

    [Fact]
    public async Task A_reference_that_looks_like_an_email_is_refused_and_only_admins_erase()
    {
        await Assert.ThrowsAsync<DomainException>(() => Service.CountCustomerFeedbackAsync("ruth@example.com", Admin));
        await Assert.ThrowsAsync<NotAllowedException>(() => Service.EraseCustomerAsync(Reference, _data.CxLead));
    }

    [Fact]
    public async Task Erasing_a_reference_nobody_carries_writes_nothing()
    {
        Assert.Equal(0, await Service.EraseCustomerAsync("LOY-NOBODY", Admin));

        await using var db = _data.Database.CreateDbContext();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == "Customer"));
    }
}

using CxDashboard.Domain.Admin;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Organisation;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Api;
using CxDashboard.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Admin;

public sealed class AdminServiceTests : IAsyncLifetime
{
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public async Task DisposeAsync() => await _data.Database.DisposeAsync();

    private AdminService Service => new(_data.Database, _data.Clock);

    private Caller Admin => new(_data.Eli, "Eli Novak", _data.DigitalTeam, new HashSet<string> { Roles.Admin });

    [Fact]
    public async Task A_new_key_stores_only_the_hash_of_its_secret_and_the_secret_matches_it()
    {
        var created = await Service.CreateApiKeyAsync("Survey tool", ApiScopes.FeedbackWrite | ApiScopes.MetricsWrite, Admin);

        await using var db = _data.Database.CreateDbContext();
        var stored = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == created.Id);
        Assert.StartsWith(ApiKeySecret.Marker, created.Secret);
        Assert.NotEqual(created.Secret, stored.SecretHash);
        Assert.DoesNotContain(created.Secret, stored.SecretHash);
        Assert.True(ApiKeySecret.Matches(created.Secret, stored.SecretHash));
        Assert.False(ApiKeySecret.Matches(ApiKeySecret.Create(), stored.SecretHash));
        Assert.Equal(created.Secret[..8], stored.Prefix);
        Assert.Equal("Eli Novak", stored.CreatedBy);
        var audited = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ApiKey)).ToListAsync();
        Assert.DoesNotContain(audited, a => (a.After ?? "").Contains(created.Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revoked_key_is_listed_as_revoked_and_cannot_be_revoked_twice()
    {
        var created = await Service.CreateApiKeyAsync("BI job", ApiScopes.MetricsWrite, Admin);

        await Service.RevokeApiKeyAsync(created.Id, Admin);

        var row = Assert.Single(await Service.ListApiKeysAsync(Admin));
        Assert.Equal(FeedbackData.Now, row.RevokedAt);
        await Assert.ThrowsAsync<DomainException>(() => Service.RevokeApiKeyAsync(created.Id, Admin));
    }

    [Fact]
    public async Task A_key_stops_at_the_end_of_the_lifetime_chosen_and_is_then_listed_as_expired()
    {
        var created = await Service.CreateApiKeyAsync("Survey tool", ApiScopes.FeedbackWrite, Admin, validForDays: 30);
        var beforeExpiry = Assert.Single(await Service.ListApiKeysAsync(Admin));

        _data.Clock.Advance(TimeSpan.FromDays(30));
        var afterExpiry = Assert.Single(await Service.ListApiKeysAsync(Admin));

        Assert.Equal(FeedbackData.Now.AddDays(30), created.ExpiresAt);
        Assert.Equal((FeedbackData.Now.AddDays(30), false), (beforeExpiry.ExpiresAt, beforeExpiry.IsExpired));
        Assert.True(afterExpiry.IsExpired);
    }

    [Fact]
    public async Task A_key_is_valid_for_ninety_days_unless_another_lifetime_is_chosen()
    {
        var created = await Service.CreateApiKeyAsync("BI job", ApiScopes.MetricsWrite, Admin);

        Assert.Equal(FeedbackData.Now.AddDays(90), created.ExpiresAt);
    }

    [Fact]
    public async Task A_lifetime_other_than_the_offered_ones_is_refused_and_no_key_is_made()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Service.CreateApiKeyAsync("Survey tool", ApiScopes.FeedbackWrite, Admin, validForDays: 3650));

        Assert.Equal("A key is valid for 30, 90, 180, 365 days; 3650 is not one of them.", refused.Message);
        Assert.Empty(await Service.ListApiKeysAsync(Admin));
    }

    [Fact]
    public async Task Only_an_admin_creates_keys()
    {
        await Assert.ThrowsAsync<NotAllowedException>(() => Service.CreateApiKeyAsync("Survey tool", ApiScopes.FeedbackWrite, _data.CxLead));
    }

    [Fact]
    public async Task A_key_must_be_allowed_to_send_something()
    {
        var refused = await Assert.ThrowsAsync<DomainException>(() => Service.CreateApiKeyAsync("Survey tool", ApiScopes.None, Admin));
        Assert.Contains("Choose what the key may send", refused.Message);
    }

    [Fact]
    public async Task Granting_and_taking_away_a_role_shows_in_the_people_search_and_in_the_audit_trail()
    {
        await Service.GrantRoleAsync(_data.Finn, Role.ChannelLead, Admin);
        Assert.Equal([Role.ChannelLead], Assert.Single(await Service.FindPeopleAsync("finn", Admin)).Roles);

        await Service.RevokeRoleAsync(_data.Finn, Role.ChannelLead, Admin);

        Assert.Empty(Assert.Single(await Service.FindPeopleAsync("Finn Hale", Admin)).Roles);
        await using var db = _data.Database.CreateDbContext();
        var trail = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(RoleGrant)).Select(a => new { a.Action, a.ActorName }).ToListAsync();
        Assert.Equal(2, trail.Count);
        Assert.All(trail, a => Assert.Equal("Eli Novak", a.ActorName));
    }

    [Fact]
    public async Task The_last_admin_keeps_the_role()
    {
        await Service.GrantRoleAsync(_data.Eli, Role.Admin, Admin);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Service.RevokeRoleAsync(_data.Eli, Role.Admin, Admin));
        Assert.Contains("last Admin", refused.Message);
    }

    [Fact]
    public async Task Teams_are_listed_with_their_lead_people_and_channels()
    {
        var teams = await Service.ListTeamsAsync(Admin);

        var stores = teams.Single(t => t.Code == "stores");
        Assert.Equal(("Dana Reid", 2), (stores.Lead, stores.People));
        Assert.Equal(["Store"], stores.Channels);
    }
}

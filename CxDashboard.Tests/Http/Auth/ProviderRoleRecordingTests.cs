using CxDashboard.Domain.Organisation;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Http.Auth;

/// <summary>
/// What the app keeps of the roles the identity provider gives at sign-in: only app roles, the newest sign-in's, written
/// when they change (or a day later, to date them), never for every request.
/// </summary>
public sealed class ProviderRoleRecordingTests : IAsyncLifetime
{
    private FeedbackData _data = null!;
    private int _erin;

    public async Task InitializeAsync()
    {
        _data = await FeedbackData.CreateAsync();
        await using var db = _data.Database.CreateDbContext();
        var erin = new Person("Erin Exec", "erin@example.com", _data.StoresTeam, subject: "idp-erin");
        db.People.Add(erin);
        await db.SaveChangesAsync();
        _erin = erin.Id;
    }

    public Task DisposeAsync() => _data.Database.DisposeAsync().AsTask();

    private async Task<ProviderSignIn?> KeptAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        return await db.ProviderSignIns.AsNoTracking().SingleOrDefaultAsync(s => s.PersonId == _erin);
    }

    [Fact]
    public async Task Only_app_roles_are_kept_from_the_providers_claims()
    {
        var signIns = new ProviderSignIns(_data.Database, _data.Clock);

        await signIns.RequestAsync("idp-erin", FeedbackData.Now, "admin", "all-staff", ProviderSignIns.HeadsOfCxGroup, Roles.Executive, Roles.CxLead);

        var kept = await KeptAsync();
        Assert.Equal([Role.CxLead, Role.Executive], kept?.Roles);
        Assert.Equal(FeedbackData.Now, kept?.SignedInAt);
    }

    [Fact]
    public async Task A_sign_in_with_no_app_role_from_the_provider_is_kept_with_none_and_dated()
    {
        await new ProviderSignIns(_data.Database, _data.Clock).RequestAsync("idp-erin", FeedbackData.Now, "all-staff");

        var kept = await KeptAsync();
        Assert.Empty(kept?.Roles ?? [Role.Admin]);
        Assert.Equal(FeedbackData.Now, kept?.SignedInAt);
    }

    [Fact]
    public async Task The_same_roles_are_written_again_only_for_a_sign_in_a_day_later_and_changed_roles_at_once()
    {
        var directory = new UserDirectory(_data.Database, _data.Clock);

        var first = await directory.RecordProviderRolesAsync(_erin, [Roles.Executive], FeedbackData.Now);
        var sameSignIn = await directory.RecordProviderRolesAsync(_erin, [Roles.Executive], FeedbackData.Now);
        var laterThatDay = await directory.RecordProviderRolesAsync(_erin, [Roles.Executive], FeedbackData.Now.AddHours(20));
        var keptThatDay = await KeptAsync();
        var nextDay = await directory.RecordProviderRolesAsync(_erin, [Roles.Executive], FeedbackData.Now.AddHours(25));
        var changed = await directory.RecordProviderRolesAsync(_erin, [Roles.Executive, Roles.CxLead], FeedbackData.Now.AddHours(26));

        Assert.Equal((true, false, false, true, true), (first, sameSignIn, laterThatDay, nextDay, changed));
        Assert.Equal(FeedbackData.Now, keptThatDay?.SignedInAt);
        var kept = await KeptAsync();
        Assert.Equal([Role.CxLead, Role.Executive], kept?.Roles);
        Assert.Equal(FeedbackData.Now.AddHours(26), kept?.SignedInAt);
    }
}

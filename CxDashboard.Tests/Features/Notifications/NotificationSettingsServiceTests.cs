using CxDashboard.Domain.Common;
using CxDashboard.Domain.Notifications;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Notifications;

/// <summary>A person's own notification settings: their roles' defaults, their choices in place of them, and going back.</summary>
public sealed class NotificationSettingsServiceTests : IAsyncLifetime
{
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public async Task DisposeAsync() => await _data.Database.DisposeAsync();

    private NotificationSettingsService Service() => new(_data.Database, _data.Clock);

    private static Dictionary<NotificationKind, NotificationChannel> Channels(NotificationSettings settings) =>
        settings.Kinds.ToDictionary(k => k.Kind, k => k.Channel);

    private async Task<NotificationChannel> RoutedAsync(int personId, NotificationKind kind)
    {
        await using var db = _data.Database.CreateDbContext();
        return (await NotificationChoices.ForAsync(db, [personId], FeedbackData.Now, default)).For(personId, kind);
    }

    [Fact]
    public async Task A_teams_lead_sees_every_kind_described_with_the_channel_leads_defaults()
    {
        var settings = await Service().GetAsync(_data.StoresLead);

        Assert.Equal(Enum.GetValues<NotificationKind>().Length, settings.Kinds.Count);
        var detractors = settings.Kinds.Single(k => k.Kind == NotificationKind.DetractorInMyArea);
        Assert.Equal("A detractor or complaint arrives in my channel or team", detractors.Description);
        Assert.Equal((NotificationChannel.EmailNow, NotificationChannel.EmailNow), (detractors.Default, detractors.Channel));
        Assert.All(settings.Kinds, k => Assert.Equal(k.Default, k.Channel));
    }

    [Fact]
    public async Task A_saved_choice_replaces_the_default_for_the_page_and_for_what_is_sent()
    {
        var service = Service();
        var seen = Channels(await service.GetAsync(_data.CaraContributor));

        await service.SaveAsync(new Dictionary<NotificationKind, NotificationChannel> { [NotificationKind.DetractorInMyArea] = NotificationChannel.DailyDigest },
            seen, _data.CaraContributor);

        var setting = (await service.GetAsync(_data.CaraContributor)).Kinds.Single(k => k.Kind == NotificationKind.DetractorInMyArea);
        Assert.Equal((NotificationChannel.InApp, NotificationChannel.DailyDigest), (setting.Default, setting.Channel));
        Assert.Equal(NotificationChannel.DailyDigest, await RoutedAsync(_data.Cara, NotificationKind.DetractorInMyArea));
        Assert.Equal(NotificationChannel.EmailNow, await RoutedAsync(_data.Dana, NotificationKind.DetractorInMyArea));
    }

    [Fact]
    public async Task Choosing_the_default_again_keeps_no_choice_so_the_roles_default_applies_when_the_role_changes()
    {
        var service = Service();
        await service.SaveAsync(new Dictionary<NotificationKind, NotificationChannel> { [NotificationKind.Mentioned] = NotificationChannel.Off },
            Channels(await service.GetAsync(_data.CaraContributor)), _data.CaraContributor);

        await service.SaveAsync(new Dictionary<NotificationKind, NotificationChannel> { [NotificationKind.Mentioned] = NotificationChannel.EmailNow },
            Channels(await service.GetAsync(_data.CaraContributor)), _data.CaraContributor);

        await using var db = _data.Database.CreateDbContext();
        Assert.False(await db.NotificationPreferences.AnyAsync());
    }

    [Fact]
    public async Task Settings_changed_in_another_window_since_they_were_opened_are_a_conflict_and_nothing_is_saved()
    {
        var service = Service();
        var seen = Channels(await service.GetAsync(_data.CaraContributor));
        await service.SaveAsync(new Dictionary<NotificationKind, NotificationChannel> { [NotificationKind.Mentioned] = NotificationChannel.Off }, seen,
            _data.CaraContributor);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.SaveAsync(
            new Dictionary<NotificationKind, NotificationChannel> { [NotificationKind.ActionAssigned] = NotificationChannel.Off }, seen, _data.CaraContributor));

        Assert.Equal(NotificationChannel.EmailNow, await RoutedAsync(_data.Cara, NotificationKind.ActionAssigned));
    }

    [Fact]
    public async Task A_channel_that_does_not_exist_is_refused_with_a_message_and_nothing_is_saved()
    {
        var service = Service();
        var seen = Channels(await service.GetAsync(_data.CaraContributor));

        var refused = await Assert.ThrowsAsync<DomainException>(() => service.SaveAsync(new Dictionary<NotificationKind, NotificationChannel>
        {
            [NotificationKind.Mentioned] = NotificationChannel.Off,
            [NotificationKind.ActionAssigned] = (NotificationChannel)9,
        }, seen, _data.CaraContributor));

        Assert.Contains("daily digest", refused.Message, StringComparison.Ordinal);
        Assert.Equal(NotificationChannel.EmailNow, await RoutedAsync(_data.Cara, NotificationKind.Mentioned));
    }

    [Fact]
    public async Task Reset_to_defaults_forgets_every_choice_of_the_callers_and_no_one_elses()
    {
        var service = Service();
        var off = new Dictionary<NotificationKind, NotificationChannel> { [NotificationKind.Mentioned] = NotificationChannel.Off };
        await service.SaveAsync(off, Channels(await service.GetAsync(_data.CaraContributor)), _data.CaraContributor);
        await service.SaveAsync(off, Channels(await service.GetAsync(_data.StoresLead)), _data.StoresLead);

        await service.ResetAsync(_data.CaraContributor);

        Assert.Equal(NotificationChannel.EmailNow, await RoutedAsync(_data.Cara, NotificationKind.Mentioned));
        Assert.Equal(NotificationChannel.Off, await RoutedAsync(_data.Dana, NotificationKind.Mentioned));
    }

    [Fact]
    public async Task Someone_the_app_does_not_know_as_a_person_has_no_settings_to_change()
    {
        var stranger = new Caller(null, "Erin Exec", null, new HashSet<string> { Roles.Executive });

        await Assert.ThrowsAsync<NotAllowedException>(() => Service().GetAsync(stranger));
        await Assert.ThrowsAsync<NotAllowedException>(() => Service().ResetAsync(stranger));
    }
}

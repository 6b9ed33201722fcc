using CxDashboard.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static CxDashboard.Tests.Browser.BrowserSteps;

namespace CxDashboard.Tests.Browser;

/// <summary>A person finds their notification settings from their notifications, changes one by keyboard, saves, and goes back to the defaults.</summary>
public sealed class NotificationSettingsBrowserTests(AppServerFixture app) : IClassFixture<AppServerFixture>, IDisposable
{
    private const string Person = "Eleanor Hartley";

    public void Dispose() => app.AssertNoContentSecurityPolicyViolations();

    private async Task<NotificationChannel?> StoredChoiceAsync(NotificationKind kind)
    {
        await using var db = app.CreateDbContext();
        var person = await db.People.Where(p => p.DisplayName == Person).Select(p => p.Id).SingleAsync();
        return await db.NotificationPreferences.Where(p => p.PersonId == person && p.Kind == kind).Select(p => (NotificationChannel?)p.Channel)
            .SingleOrDefaultAsync();
    }

    [BrowserFact]
    public async Task A_person_chooses_the_digest_for_mentions_by_keyboard_saves_it_and_resets_to_the_defaults()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, Person, "/notifications");
        await page.GetByTestId("notification-settings-link").ClickAsync();
        await ExpectPathAsync(page, "/notifications/settings");
        await WaitForInteractiveAsync(page);

        await Assertions.Expect(page.GetByTestId("digest-hour")).ToContainTextAsync("07:00 (UTC)");
        var mentions = page.GetByRole(AriaRole.Group, new() { Name = "Someone mentions me in a note" });
        var emailNow = mentions.GetByRole(AriaRole.Radio, new() { Name = "E-mail now (default)" });
        await Assertions.Expect(emailNow).ToBeCheckedAsync();
        await emailNow.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(mentions.GetByRole(AriaRole.Radio, new() { Name = "Daily digest" })).ToBeCheckedAsync();
        await page.GetByTestId("save-settings").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("settings-message")).ToHaveTextAsync("Your notification settings are saved.");
        Assert.Equal(NotificationChannel.DailyDigest, await StoredChoiceAsync(NotificationKind.Mentioned));
        await Accessibility.FinishColourChangesAsync(page);
        await Accessibility.ScreenshotAsync(page, "notification-settings-01-saved");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByTestId("reset-settings").ClickAsync();
        await Assertions.Expect(page.GetByTestId("settings-message")).ToHaveTextAsync("Every kind is back to your role's default.");
        await Assertions.Expect(emailNow).ToBeCheckedAsync();
        Assert.Null(await StoredChoiceAsync(NotificationKind.Mentioned));
    }
}

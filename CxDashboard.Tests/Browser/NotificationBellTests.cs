using System.Text.RegularExpressions;
using CxDashboard.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static CxDashboard.Tests.Browser.BrowserSteps;

namespace CxDashboard.Tests.Browser;

/// <summary>The bell counts what arrives while a page is open, the dashboard included, without a reload; the list marks them read.</summary>
public sealed class NotificationBellTests(AppServerFixture app) : IClassFixture<AppServerFixture>, IDisposable
{
    public void Dispose() => app.AssertNoContentSecurityPolicyViolations();

    private static readonly LocatorAssertionsToHaveAttributeOptions UntilTheNextRound = new() { Timeout = 30_000 };

    // The buttons that say which list is shown, and the drawer after a navigation, fade for a quarter of a second;
    // a picture taken during the fade shows neither state.
    private static Task SettleAsync(IPage page) => page.WaitForTimeoutAsync(500);

    [BrowserFact]
    public async Task The_bell_on_the_dashboard_counts_new_notifications_without_a_reload_and_the_list_marks_them_read()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "Eleanor Hartley", "/");
        int eleanor, unread;
        await using (var db = app.CreateDbContext())
        {
            eleanor = await db.People.Where(p => p.DisplayName == "Eleanor Hartley").Select(p => p.Id).SingleAsync();
            unread = await db.Notifications.CountAsync(n => n.RecipientPersonId == eleanor && n.ReadAt == null);
        }
        var bell = page.GetByTestId("notification-bell");
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", $"Notifications, {unread} unread", UntilTheNextRound);

        int feedbackId;
        var at = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        await using (var db = app.CreateDbContext())
        {
            feedbackId = await db.Feedback.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync();
            db.Notifications.AddRange(
                new Notification(eleanor, NotificationKind.FollowUpAssigned, $"A detractor needs your follow-up (feedback #{feedbackId})",
                    $"/feedback/{feedbackId}", at.AddMinutes(1), byEmail: false),
                new Notification(eleanor, NotificationKind.FollowUpAssigned, "A complaint needs your follow-up", $"/feedback/{feedbackId}",
                    at, byEmail: false));
            await db.SaveChangesAsync();
        }

        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", $"Notifications, {unread + 2} unread", UntilTheNextRound);
        Assert.Equal(1, await page.Locator("main#main-content").CountAsync());
        await Accessibility.ScreenshotAsync(page, "notifications-01-bell-on-dashboard");

        await bell.ClickAsync();
        await ExpectPathAsync(page, "/notifications");
        await WaitForInteractiveAsync(page);
        var rows = page.GetByTestId("notification");
        await Assertions.Expect(rows.First).ToContainTextAsync($"feedback #{feedbackId}");
        await Assertions.Expect(rows.First.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"feedback/{feedbackId}");
        await SettleAsync(page);
        await Accessibility.ScreenshotAsync(page, "notifications-02-unread");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Mark read: A complaint needs your follow-up" }).ClickAsync();
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", $"Notifications, {unread + 1} unread");
        await page.GetByTestId("mark-all-read").ClickAsync();
        await Assertions.Expect(page.GetByTestId("no-notifications")).ToBeVisibleAsync();
        await Assertions.Expect(bell).ToHaveAttributeAsync("aria-label", "Notifications, 0 unread");

        await page.GetByTestId("show-all").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("view=all"));
        await Assertions.Expect(rows.First).ToContainTextAsync($"feedback #{feedbackId}");
        await SettleAsync(page);
        await Accessibility.ScreenshotAsync(page, "notifications-03-all");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}

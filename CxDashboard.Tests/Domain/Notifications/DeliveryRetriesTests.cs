using CxDashboard.Domain.Notifications;

namespace CxDashboard.Tests.Domain.Notifications;

public sealed class DeliveryRetriesTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(5, 480)]
    [InlineData(6, 900)]
    [InlineData(100, 900)]
    public void A_failed_e_mail_waits_twice_as_long_each_time_up_to_a_quarter_of_an_hour(int attempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), DeliveryRetries.After(attempts));
    }

    [Fact]
    public void An_e_mail_is_given_up_only_after_more_than_a_day_of_attempts()
    {
        var waited = Enumerable.Range(1, DeliveryRetries.MaxAttempts - 1).Aggregate(TimeSpan.Zero, (total, n) => total + DeliveryRetries.After(n));

        Assert.True(waited > TimeSpan.FromDays(1), $"Given up after {waited}.");
    }

    [Fact]
    public void Only_a_failed_e_mail_can_be_sent_again()
    {
        var notification = new Notification(1, NotificationKind.FollowUpAssigned, "A detractor needs your follow-up", "/feedback/1",
            new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc), byEmail: true);

        var refusal = Assert.Throws<CxDashboard.Domain.Common.DomainException>(() => notification.RetryEmail(notification.CreatedAt));
        Assert.Equal(EmailStatus.Pending, notification.EmailStatus);
        Assert.Contains("failed", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notification_links_only_to_a_page_of_the_app()
    {
        Assert.Throws<CxDashboard.Domain.Common.DomainException>(() => new Notification(1, NotificationKind.FollowUpAssigned, "Title",
            "https://evil.example/", new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc), byEmail: false));
        Assert.Throws<CxDashboard.Domain.Common.DomainException>(() => new Notification(1, NotificationKind.FollowUpAssigned, "Title",
            "//evil.example/", new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc), byEmail: false));
    }
}

using CxDashboard.Domain.Notifications;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxDashboard.Tests.Features.Notifications;

/// <summary>
/// The daily digest: at its hour, one e-mail per person with what they chose to hear about once a day, grouped by kind,
/// each linking to its item; once per person and day however many instances run and however often they restart.
/// </summary>
public sealed class DailyDigestTests : IAsyncLifetime
{
    private const string BaseUrl = "https://cx.retailer.example";
    private static readonly DateTimeOffset NextMorning = new(2026, 11, 24, 7, 0, 0, TimeSpan.Zero);

    private readonly RecordingMailbox _mailbox = new();
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public async Task DisposeAsync() => await _data.Database.DisposeAsync();

    private static EmailOptions Email(string host = "smtp.retailer.example", int port = 587) =>
        new() { From = "CX Dashboard <cx@retailer.example>", Smtp = { Host = host, Port = port, UseTls = false }, Digest = { Hour = 7, TimeZone = "UTC" } };

    private static EmailDelivery Delivery(EmailOptions email) => new(Options.Create(email), Options.Create(new AppOptions { BaseUrl = BaseUrl }),
        new HostingEnvironment { EnvironmentName = "Production", ContentRootPath = Path.GetTempPath() });

    /// <summary>One running instance of the app, as far as the digest is concerned.</summary>
    private DailyDigest Instance(IEmailSender? sender = null, EmailOptions? email = null)
    {
        email ??= Email();
        return new DailyDigest(_data.Database, _data.Clock, sender ?? _mailbox, Delivery(email), Options.Create(email), NullLogger<DailyDigest>.Instance);
    }

    /// <summary>Actions falling due and overdue go to the digest by default, whatever the role.</summary>
    private async Task<Notification[]> NotifyAsync(int recipient, NotificationKind kind, int id, DateTime? at = null) =>
        await _data.Database.SaveAsync(new Notification(recipient, kind, $"Action #{id} needs you", $"/actions/{id}", at ?? FeedbackData.Now, byEmail: true));

    private async Task<List<NotificationDigest>> DigestsAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        return await db.NotificationDigests.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    [Fact]
    public async Task Before_its_hour_no_digest_is_made()
    {
        await NotifyAsync(_data.Dana, NotificationKind.ActionDueTomorrow, 1);
        _data.Clock.SetUtcNow(NextMorning.AddMinutes(-1));

        Assert.Equal(0, await Instance().MakeDueAsync(default));
        Assert.Empty(await DigestsAsync());
    }

    [Fact]
    public async Task At_its_hour_each_person_gets_one_e_mail_grouped_by_kind_with_a_link_to_each_notification()
    {
        await NotifyAsync(_data.Dana, NotificationKind.ActionDueTomorrow, 1);
        await NotifyAsync(_data.Dana, NotificationKind.ActionOverdue, 2);
        await NotifyAsync(_data.Dana, NotificationKind.ActionOverdue, 3);
        await NotifyAsync(_data.Cara, NotificationKind.ActionOverdue, 4);
        // Mailed at once: not in the digest.
        await NotifyAsync(_data.Dana, NotificationKind.ActionAssigned, 5);
        _data.Clock.SetUtcNow(NextMorning);
        var instance = Instance();

        Assert.Equal(2, await instance.MakeDueAsync(default));
        await instance.SendDueAsync("app-1", default);

        Assert.Equal(2, _mailbox.Accepted.Count);
        var dana = _mailbox.Accepted.Single(m => m.To.Mailboxes.Single().Address == "dana@example.com");
        Assert.Equal("Your CX Dashboard digest for 24 November 2026: 3 notifications", dana.Subject);
        var text = dana.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains("Actions due tomorrow (1)\n- Action #1 needs you\n  https://cx.retailer.example/actions/1\n", text, StringComparison.Ordinal);
        Assert.Contains("Overdue actions (2)\n- Action #2 needs you\n  https://cx.retailer.example/actions/2\n- Action #3 needs you\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/actions/5", text, StringComparison.Ordinal);
        Assert.Contains("href=\"https://cx.retailer.example/actions/3\"", dana.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://cx.retailer.example/notifications/settings\"", dana.HtmlBody, StringComparison.Ordinal);
        Assert.All(await DigestsAsync(), d => Assert.Equal(EmailStatus.Sent, d.EmailStatus));
    }

    [Fact]
    public async Task A_restart_the_same_day_makes_and_sends_no_second_digest_and_what_came_after_the_hour_waits_for_tomorrow()
    {
        await NotifyAsync(_data.Dana, NotificationKind.ActionOverdue, 1);
        _data.Clock.SetUtcNow(NextMorning);
        var first = Instance();
        await first.MakeDueAsync(default);
        await first.SendDueAsync("app-1", default);
        await NotifyAsync(_data.Dana, NotificationKind.ActionOverdue, 2, at: NextMorning.UtcDateTime.AddHours(1));
        _data.Clock.Advance(TimeSpan.FromHours(3));

        var restarted = Instance();
        Assert.Equal(0, await restarted.MakeDueAsync(default));
        await restarted.SendDueAsync("app-1", default);

        Assert.Single(_mailbox.Accepted);
        _data.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await restarted.MakeDueAsync(default));
        await restarted.SendDueAsync("app-1", default);
        Assert.Equal(2, _mailbox.Accepted.Count);
        Assert.Contains("/actions/2", _mailbox.Accepted[1].TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("/actions/1", _mailbox.Accepted[1].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_instances_making_and_sending_at_the_same_moment_send_each_person_one_digest()
    {
        foreach (var (person, id) in new[] { (_data.Dana, 1), (_data.Cara, 2), (_data.Eli, 3), (_data.Finn, 4) })
        {
            await NotifyAsync(person, NotificationKind.ActionOverdue, id);
        }
        _data.Clock.SetUtcNow(NextMorning);
        var instances = new[] { Instance(), Instance(), Instance() };

        await Task.WhenAll(instances.Select(i => i.MakeDueAsync(default)));
        await Task.WhenAll(instances.Select((i, n) => i.SendDueAsync($"app-{n}", default)));

        Assert.Equal(4, (await DigestsAsync()).Count);
        Assert.Equal(4, _mailbox.Accepted.Count);
        Assert.Equal(4, _mailbox.Accepted.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task A_digest_waits_while_the_mail_server_is_down_and_goes_with_the_same_message_id_when_it_is_back()
    {
        await NotifyAsync(_data.Dana, NotificationKind.ActionOverdue, 1);
        _data.Clock.SetUtcNow(NextMorning);
        var instance = Instance();
        await instance.MakeDueAsync(default);
        _mailbox.Down = true;

        await instance.SendDueAsync("app-1", default);

        var waiting = Assert.Single(await DigestsAsync());
        Assert.Equal((EmailStatus.Pending, 1), (waiting.EmailStatus, waiting.EmailAttempts));
        _mailbox.Down = false;
        _data.Clock.Advance(DeliveryRetries.After(1));
        await instance.SendDueAsync("app-1", default);
        var message = Assert.Single(_mailbox.Accepted);
        Assert.Equal($"digest-{_data.Dana}-20261124@cx.retailer.example", message.MessageId);
    }

    [Fact]
    public async Task The_digest_reaches_a_real_mail_server_with_the_links_to_each_item()
    {
        await using var smtp = new TestSmtpServer();
        smtp.Start();
        await NotifyAsync(_data.Eli, NotificationKind.ActionDueTomorrow, 7);
        await NotifyAsync(_data.Eli, NotificationKind.ActionOverdue, 8);
        _data.Clock.SetUtcNow(NextMorning);
        var email = Email("127.0.0.1", smtp.Port);
        var instance = Instance(new SmtpEmailSender(Options.Create(email)), email);

        await instance.MakeDueAsync(default);
        await instance.SendDueAsync("app-1", default);

        var message = Assert.Single(smtp.Received);
        Assert.Equal("eli@example.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Contains($"{BaseUrl}/actions/7", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{BaseUrl}/actions/8\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"{BaseUrl}/notifications/settings", message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-24T06:59:00Z", "2026-11-23", "2026-11-23T07:00:00Z")]
    [InlineData("2026-11-24T07:00:00Z", "2026-11-24", "2026-11-24T07:00:00Z")]
    public void The_digest_due_is_yesterdays_until_the_hour_comes(string now, string day, string since)
    {
        var due = new DigestOptions { Hour = 7 }.Due(DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal));

        Assert.Equal((DateOnly.Parse(day), DateTime.Parse(since, null, System.Globalization.DateTimeStyles.AdjustToUniversal)), due);
    }

    [Fact]
    public void The_hour_is_read_in_the_configured_time_zone()
    {
        // 07:00 in London in summer is 06:00 UTC.
        var due = new DigestOptions { Hour = 7, TimeZone = "Europe/London" }.Due(new DateTime(2026, 7, 1, 6, 30, 0, DateTimeKind.Utc));

        Assert.Equal((new DateOnly(2026, 7, 1), new DateTime(2026, 7, 1, 6, 0, 0, DateTimeKind.Utc)), due);
    }
}

using System.Net;
using System.Net.Http.Json;
using CxDashboard.Domain.Admin;
using CxDashboard.Domain.Notifications;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Http.Notifications;

/// <summary>
/// A detractor sent by a survey tool through the API reaches the channel lead's mailbox on a real SMTP
/// server, with a link to the item; while the server is down the e-mail waits and goes when it is back;
/// an app restarted on the same database does not send it again.
/// </summary>
public sealed class EmailDeliveryTests : IAsyncLifetime
{
    private const string BaseUrl = "https://cx.retailer.example";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cxdashboard-mail", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly TestSmtpServer _smtp = new();
    private readonly List<AppFactory> _hosts = [];

    private string DatabasePath => Path.Combine(_folder, "app.db");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        await _smtp.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A handle may outlive the host for a moment; the temp folder is the OS's to clean.
        }
    }

    private AppFactory Host(bool seed)
    {
        var host = new AppFactory(DatabasePath, seedDemoData: seed, settings: new Dictionary<string, string?>(_smtp.Settings(BaseUrl))
            {
                ["Authentication:DevelopmentSignIn"] = "true",
                // The demo data's follow-ups fall due by the clock; only the detractor sent here is to be mailed.
                ["Notifications:Sweep:IntervalSeconds"] = "0",
            },
            clock: _clock);
        _ = host.Server;
        _hosts.Add(host);
        return host;
    }

    private static async Task<CxDbContext> DbAsync(AppFactory host) =>
        await host.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync();

    /// <summary>Sends one NPS 2 answer from the store channel through the API, as a survey tool does; returns its id.</summary>
    private static async Task<int> SendDetractorAsync(AppFactory host)
    {
        int adminId, adminTeam;
        await using (var db = await DbAsync(host))
        {
            (adminId, adminTeam) = await db.People.Where(p => p.DisplayName == "David Nguyen").Select(p => ValueTuple.Create(p.Id, p.TeamId)).SingleAsync();
        }
        var admin = new Caller(adminId, "David Nguyen", adminTeam, new HashSet<string> { Roles.Admin });
        await using var scope = host.Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<AdminService>().CreateApiKeyAsync("Survey tool", ApiScopes.FeedbackWrite, admin);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Secret);
        var externalId = $"survey-{Guid.NewGuid():N}";

        var response = await client.PostAsJsonAsync("/api/feedback", new
        {
            items = new[]
            {
                new
                {
                    externalId, receivedAt = Now.AddHours(-2), channel = "store", source = "Survey", category = "Service",
                    scoreScale = "Nps", score = 2, verbatim = "Nobody at the click and collect desk for twenty minutes.",
                },
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var check = await DbAsync(host);
        return await check.Feedback.Where(f => f.ExternalId == externalId).Select(f => f.Id).SingleAsync();
    }

    /// <summary>Lets the app's clock run, a second at a time, until <paramref name="done"/> holds or a few minutes of it have passed.</summary>
    private async Task<bool> RunClockUntilAsync(Func<Task<bool>> done, int seconds = 300)
    {
        for (var second = 0; second < seconds; second++)
        {
            if (await done())
            {
                return true;
            }
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }
        return await done();
    }

    private static async Task<Notification> NotificationOfAsync(AppFactory host, int feedbackId)
    {
        await using var db = await DbAsync(host);
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.Link == $"/feedback/{feedbackId}" && n.Kind == NotificationKind.FollowUpAssigned);
    }

    [Fact]
    public async Task A_detractor_sent_through_the_api_reaches_the_store_leads_mailbox_with_a_link_to_it()
    {
        _smtp.Start();
        var host = Host(seed: true);

        var id = await SendDetractorAsync(host);

        await using var db = await DbAsync(host);
        var lead = await db.Channels.Where(c => c.Code == "store")
            .Join(db.Teams, c => c.OwningTeamId, t => t.Id, (c, t) => t.LeadPersonId)
            .Join(db.People, lead => lead, p => p.Id, (_, p) => new { p.Email, p.DisplayName })
            .SingleAsync();
        // The rest of the stores team hears of the detractor in their channel too; the lead owns its follow-up.
        bool ToLead(MimeKit.MimeMessage m) => m.To.Mailboxes.Any(b => b.Address == lead.Email);
        Assert.True(await RunClockUntilAsync(() => Task.FromResult(_smtp.Received.Any(ToLead))), "No e-mail arrived.");
        var message = Assert.Single(_smtp.Received, ToLead);
        Assert.Equal(lead.Email, Assert.Single(message.To.Mailboxes).Address);
        Assert.Contains($"{BaseUrl}/feedback/{id}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{BaseUrl}/feedback/{id}\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{BaseUrl}/notifications\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("twenty minutes", message.TextBody, StringComparison.Ordinal);
        // The server has the message before the sender hears back from it and records it as sent.
        Assert.True(await RunClockUntilAsync(async () => (await NotificationOfAsync(host, id)).EmailStatus == EmailStatus.Sent), "The e-mail was not recorded as sent.");
    }

    [Fact]
    public async Task An_e_mail_waits_while_the_mail_server_is_down_goes_when_it_is_back_and_is_not_sent_again_after_a_restart()
    {
        var host = Host(seed: true);
        var id = await SendDetractorAsync(host);

        Assert.True(await RunClockUntilAsync(async () => (await NotificationOfAsync(host, id)).EmailAttempts >= 2), "No attempt was made.");
        var waiting = await NotificationOfAsync(host, id);
        Assert.Equal(EmailStatus.Pending, waiting.EmailStatus);
        Assert.NotNull(waiting.EmailError);
        Assert.Empty(_smtp.Received);

        _smtp.Start();
        Assert.True(await RunClockUntilAsync(() => Task.FromResult(_smtp.Received.Count > 0)), "The e-mail did not go once the server was back.");
        Assert.True(await RunClockUntilAsync(async () => (await NotificationOfAsync(host, id)).EmailStatus == EmailStatus.Sent));

        await host.DisposeAsync();
        _hosts.Remove(host);
        var restarted = Host(seed: false);
        await RunClockUntilAsync(() => Task.FromResult(false), seconds: 30);

        var messageId = (await NotificationOfAsync(restarted, id)).MessageId.ToString("N") + "@cx.retailer.example";
        Assert.Single(_smtp.Received, m => m.MessageId == messageId);
        Assert.Equal(_smtp.Received.Count, _smtp.Received.Select(m => m.MessageId).Distinct().Count());
    }
}

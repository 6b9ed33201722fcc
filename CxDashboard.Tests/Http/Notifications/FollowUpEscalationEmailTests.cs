using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Organisation;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Http.Notifications;

/// <summary>A follow-up that breaches its SLA while the app runs escalates by itself to the team's lead's mailbox, on a real SMTP server.</summary>
public sealed class FollowUpEscalationEmailTests : IAsyncLifetime
{
    private const string BaseUrl = "https://cx.retailer.example";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cxdashboard-mail", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly TestSmtpServer _smtp = new();
    private AppFactory? _host;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
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

    [Fact]
    public async Task A_follow_up_breached_while_the_app_runs_reaches_the_team_leads_mailbox_with_a_link_to_it()
    {
        _smtp.Start();
        _host = new AppFactory(Path.Combine(_folder, "app.db"), settings: new Dictionary<string, string?>(_smtp.Settings(BaseUrl))
        {
            ["Authentication:DevelopmentSignIn"] = "true",
        }, clock: _clock);
        _ = _host.Server;
        int id;
        await using (var db = await _host.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync())
        {
            var stores = new Team("stores", "Stores");
            db.Teams.Add(stores);
            await db.SaveChangesAsync();
            var lead = new Person("Priya Shah", "priya.shah@retailer.example", stores.Id);
            var owner = new Person("Tom Baxter", "tom.baxter@retailer.example", stores.Id);
            db.People.AddRange(lead, owner);
            await db.SaveChangesAsync();
            stores.AppointLead(lead);
            var store = new Channel("store", "Stores", stores.Id, 1);
            db.Channels.Add(store);
            await db.SaveChangesAsync();
            var at = Now.UtcDateTime;
            // Received two days ago: its 48-hour follow-up falls due in a minute, before anyone has called the customer.
            var item = new FeedbackItem(new FeedbackDetails(at.AddHours(-48).AddMinutes(1), store.Id, null, FeedbackSource.Survey,
                FeedbackCategory.Service, Sentiment.Negative, ScoreScale.Nps, 1, "Nobody at the desk.", null), null, at);
            item.OpenFollowUp(owner.Id, TimeSpan.FromHours(48), at);
            db.Feedback.Add(item);
            await db.SaveChangesAsync();
            id = item.Id;
        }

        Assert.True(await RunClockUntilAsync(() => _smtp.Received.Any(m => m.To.Mailboxes.Any(b => b.Address == "priya.shah@retailer.example"))),
            "The lead's e-mail did not arrive.");

        var message = _smtp.Received.Single(m => m.To.Mailboxes.Any(b => b.Address == "priya.shah@retailer.example"));
        Assert.Contains($"Tom Baxter's follow-up of feedback #{id} is overdue", message.Subject, StringComparison.Ordinal);
        Assert.Contains($"{BaseUrl}/feedback/{id}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{BaseUrl}/feedback/{id}\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.True(await RunClockUntilAsync(() => _smtp.Received.Any(m => m.To.Mailboxes.Any(b => b.Address == "tom.baxter@retailer.example"))),
            "The owner's e-mail did not arrive.");
    }

    /// <summary>Lets the app's clock run, a second at a time, until <paramref name="done"/> holds or a few minutes of it have passed.</summary>
    private async Task<bool> RunClockUntilAsync(Func<bool> done, int seconds = 300)
    {
        for (var second = 0; second < seconds; second++)
        {
            if (done())
            {
                return true;
            }
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }
        return done();
    }
}

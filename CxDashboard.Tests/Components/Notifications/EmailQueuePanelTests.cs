using Bunit;
using CxDashboard.Domain.Notifications;
using CxDashboard.Tests.Components.Feedback;
using CxDashboard.Tests.Features.Notifications;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxDashboard.Tests.Components.Notifications;

/// <summary>Admin's e-mail tab: the daily digests given up are counted, and sent again with one button.</summary>
public sealed class EmailQueuePanelTests : FeedbackComponentTest
{
    private readonly RecordingMailbox _mailbox = new() { RefusedAddress = "finn@example.com" };

    private Caller Admin => new(Data.Eli, "Eli Novak", Data.DigitalTeam, new HashSet<string> { Roles.Admin });

    private static readonly IOptions<EmailOptions> Email = Options.Create(new EmailOptions { From = "cx@retailer.example", Smtp = { Host = "smtp.retailer.example" } });

    private static EmailDelivery Delivery() => new(Email, Options.Create(new AppOptions { BaseUrl = "https://cx.retailer.example" }),
        new HostingEnvironment { EnvironmentName = "Production", ContentRootPath = Path.GetTempPath() });

    protected override async Task PrepareAsync()
    {
        Services.AddSingleton(new EmailQueueService(Data.Database, Data.Clock, Delivery(), Email));
        SignInAs("Eli Novak", Roles.Admin, Data.Eli, Data.DigitalTeam);
        await Data.Database.SaveAsync(new Notification(Data.Finn, NotificationKind.ActionOverdue, "An action is overdue", "/actions/1",
            Data.Clock.GetUtcNow().UtcDateTime, byEmail: true));
        Data.Clock.Advance(TimeSpan.FromDays(1));
        var digest = new DailyDigest(Data.Database, Data.Clock, _mailbox, Delivery(), Email, NullLogger<DailyDigest>.Instance);
        await digest.MakeDueAsync(default);
        for (var attempt = 0; attempt < DeliveryRetries.MaxAttempts; attempt++)
        {
            await digest.SendDueAsync("app-1", default);
            Data.Clock.Advance(TimeSpan.FromMinutes(15));
        }
    }

    [Fact]
    public async Task A_given_up_digest_is_counted_and_sent_again_with_the_button()
    {
        var panel = Render<EmailQueuePanel>(p => p.Add(x => x.Caller, Admin));
        panel.WaitForAssertion(() => Assert.Contains("1 given up", panel.Find("[data-testid=digest-queue-counts]").TextContent, StringComparison.Ordinal));

        panel.FindAll("button").Single(b => b.TextContent.Trim() == "Send the failed digests again").Click();

        panel.WaitForAssertion(() => Assert.Contains("1 digest is back in the queue", panel.Markup, StringComparison.Ordinal));
        Assert.Contains("Daily digests: 1 waiting to be sent", panel.Find("[data-testid=digest-queue-counts]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(panel.FindAll("button"), b => b.TextContent.Trim() == "Send the failed digests again");
        await using var db = Data.Database.CreateDbContext();
        Assert.Equal(EmailStatus.Pending, (await db.NotificationDigests.SingleAsync()).EmailStatus);
    }
}

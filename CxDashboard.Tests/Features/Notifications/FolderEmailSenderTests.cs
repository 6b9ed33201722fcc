using CxDashboard.Web.Features.Notifications;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CxDashboard.Tests.Features.Notifications;

/// <summary>In Development without an SMTP server, e-mail is written to App_Data/mail as .eml files, one per message.</summary>
public sealed class FolderEmailSenderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cxdashboard-mail", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private EmailDelivery Delivery(string environment) => new(Options.Create(new EmailOptions()), Options.Create(new AppOptions { BaseUrl = "http://localhost:5213" }),
        new HostingEnvironment { EnvironmentName = environment, ContentRootPath = _root });

    [Fact]
    public async Task Development_writes_each_message_once_as_an_eml_file_under_App_Data_mail()
    {
        var delivery = Delivery("Development");
        var email = new QueuedEmail(1, Guid.NewGuid(), "A detractor needs your follow-up", "/feedback/7", new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc),
            0, "dana@example.com", "Dana Reid");

        await using (var session = await new FolderEmailSender(delivery).OpenAsync(default))
        {
            await session.SendAsync(NotificationEmail.Compose(email, delivery), default);
            await session.SendAsync(NotificationEmail.Compose(email, delivery), default);
        }

        Assert.Equal(EmailRoute.Folder, delivery.Route);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_root, "App_Data", "mail")));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("dana@example.com", message.To.Mailboxes.Single().Address);
        Assert.Contains("http://localhost:5213/feedback/7", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_development_no_smtp_server_means_no_e_mail()
    {
        Assert.Equal(EmailRoute.Off, Delivery("Production").Route);
        Assert.False(Delivery("Production").Sends);
    }

    [Fact]
    public void An_smtp_host_without_a_sender_or_the_apps_address_is_refused_naming_the_settings()
    {
        var problems = EmailDelivery.Problems(new EmailOptions { Smtp = { Host = "smtp.retailer.example", UserName = "cx" } }, new AppOptions()).ToList();

        Assert.Contains(problems, p => p.StartsWith("Email:From is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("App:BaseUrl is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Email:Smtp:UserName and Email:Smtp:Password go together", StringComparison.Ordinal));
    }
}

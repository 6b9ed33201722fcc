using MimeKit;

namespace CxDashboard.Web.Features.Notifications;

/// <summary>Where e-mail goes: an SMTP server, or a folder in Development.</summary>
public interface IEmailSender
{
    /// <summary>Opens a session for a batch of messages (one SMTP connection); fails when the server cannot be reached.</summary>
    Task<IEmailSession> OpenAsync(CancellationToken cancellationToken);
}

public interface IEmailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

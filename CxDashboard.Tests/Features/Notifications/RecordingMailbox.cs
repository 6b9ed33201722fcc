using CxDashboard.Web.Features.Notifications;
using MimeKit;

namespace CxDashboard.Tests.Features.Notifications;

/// <summary>A mail server the tests switch off and on, which keeps every message it accepted.</summary>
public sealed class RecordingMailbox : IEmailSender
{
    private readonly List<MimeMessage> _accepted = [];

    public bool Down { get; set; }

    /// <summary>Runs as each message is handed over: a slow server lets the test's clock run here.</summary>
    public Action? Sending { get; set; }

    /// <summary>Refuses the messages to this address, as a server refuses a mailbox that does not exist.</summary>
    public string? RefusedAddress { get; set; }

    public IReadOnlyList<MimeMessage> Accepted
    {
        get
        {
            lock (_accepted)
            {
                return [.. _accepted];
            }
        }
    }

    public Task<IEmailSession> OpenAsync(CancellationToken cancellationToken) =>
        Down ? throw new IOException("Connection refused (the test's mail server is down).") : Task.FromResult<IEmailSession>(new Session(this));

    private sealed class Session(RecordingMailbox mailbox) : IEmailSession
    {
        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            mailbox.Sending?.Invoke();
            if (message.To.Mailboxes.Any(m => m.Address == mailbox.RefusedAddress))
            {
                throw new InvalidOperationException("550 Mailbox unavailable.");
            }
            lock (mailbox._accepted)
            {
                mailbox._accepted.Add(message);
            }
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

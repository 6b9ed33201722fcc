using MimeKit;

namespace CxDashboard.Web.Features.Notifications;

/// <summary>
/// Development's mail server: each message becomes a file named after its Message-ID, so a message
/// delivered twice is one file, as a mail client shows one message for one Message-ID.
/// </summary>
public sealed class FolderEmailSender(EmailDelivery delivery) : IEmailSender
{
    public Task<IEmailSession> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(delivery.Folder);
        return Task.FromResult<IEmailSession>(new Session(delivery.Folder));
    }

    private sealed class Session(string folder) : IEmailSession
    {
        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Split(Path.GetInvalidFileNameChars()));
            var path = Path.Combine(folder, name + ".eml");
            var writing = path + ".part";
            await message.WriteToAsync(writing, cancellationToken);
            File.Move(writing, path, overwrite: true);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

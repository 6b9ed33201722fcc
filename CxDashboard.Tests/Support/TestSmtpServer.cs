using System.Buffers;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CxDashboard.Tests.Support;

/// <summary>
/// A real SMTP server on a free local port, started and stopped by the test: the app's e-mail goes
/// through MailKit and the network to it, as to a company's relay. Until started, the port refuses
/// connections, as a server that is down does.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly Mailbox _mailbox = new();
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _running;

    public TestSmtpServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Received => _mailbox.Messages;

    /// <summary>The settings that point the app at this server.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings(string baseUrl) =>
    [
        new("Email:Smtp:Host", "127.0.0.1"),
        new("Email:Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Email:Smtp:UseTls", "false"),
        new("Email:From", "CX Dashboard <cx@retailer.example>"),
        new("Email:PollSeconds", "1"),
        new("App:BaseUrl", baseUrl),
    ];

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_mailbox);
        _server = new SmtpServer.SmtpServer(options, services);
        _running = new CancellationTokenSource();
        _ = _server.StartAsync(_running.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            _server.Shutdown();
            await _running!.CancelAsync();
            await _server.ShutdownTask;
            _running.Dispose();
        }
    }

    private sealed class Mailbox : MessageStore
    {
        private readonly List<MimeMessage> _messages = [];

        public IReadOnlyList<MimeMessage> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            lock (_messages)
            {
                _messages.Add(message);
            }
            return SmtpResponse.Ok;
        }
    }
}

using System.Net;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Http.Operations;

/// <summary>
/// The app as a reverse proxy reaches it: every request arrives over plain HTTP from <see cref="From"/>,
/// which the test sets as the connection's remote address ahead of the app's own pipeline.
/// </summary>
internal sealed class ProxiedApp(IReadOnlyDictionary<string, string?> settings, IUserDirectory? directory = null, bool seedDemoData = false)
    : AppFactory(seedDemoData: seedDemoData, settings: settings)
{
    public IPAddress From { get; set; } = IPAddress.Parse("10.1.0.5");

    /// <summary>Holds the body of any response to a request that carries <see cref="HeldResponseGate.Header"/>.</summary>
    public HeldResponseGate HeldResponses { get; } = new();

    /// <summary>A client that follows no redirect and keeps no cookie, so every hop can be looked at.</summary>
    public HttpClient CreateProxyClient(string host = "cx.example.com") =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri($"http://{host}") });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            if (directory is not null)
            {
                services.AddScoped(_ => directory);
            }
            services.AddSingleton<IStartupFilter>(new RemoteAddress(() => From));
            services.AddSingleton<IStartupFilter>(HeldResponses);
        });
    }

    private sealed class RemoteAddress(Func<IPAddress> address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = address();
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>
/// Lets a test keep a download "still being sent": the app's first write of the body waits until
/// <see cref="Release"/>, so whatever the app holds for the length of a request stays held.
/// </summary>
internal sealed class HeldResponseGate : IStartupFilter
{
    public const string Header = "X-Test-Hold-Response";

    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a held response has started writing its body.</summary>
    public Task Entered => _entered.Task;

    public void Release() => _released.TrySetResult();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.ContainsKey(Header))
            {
                var body = context.Features.Get<IHttpResponseBodyFeature>()!;
                context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(new HeldStream(body.Stream, this)));
            }
            return nextMiddleware(context);
        });
        next(app);
    };

    private sealed class HeldStream(Stream inner, HeldResponseGate gate) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            gate._entered.TrySetResult();
            await gate._released.Task.WaitAsync(cancellationToken);
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override void Flush() => inner.Flush();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The app writes its bodies asynchronously.");
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Http.Operations;

/// <summary>
/// A stand-in OpenTelemetry collector on this machine: accepts OTLP/HTTP posts of traces, metrics and logs
/// and keeps their bodies.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private OtlpReceiver(WebApplication app) => _app = app;

    public string Endpoint { get; private set; } = "";

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var receiver = new OtlpReceiver(builder.Build());
        receiver._app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            receiver._received.Enqueue((signal, body.ToArray()));
            receiver._arrived.Release();
            return Results.Ok();
        });
        await receiver._app.StartAsync();
        receiver.Endpoint = receiver._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        return receiver;
    }

    public IReadOnlyList<byte[]> Bodies(string signal) => _received.Where(r => r.Signal == signal).Select(r => r.Body).ToList();

    /// <summary>Waits until a body of <paramref name="signal"/> contains <paramref name="bytes"/>; says whether one did in time.</summary>
    public async Task<bool> WaitForAsync(string signal, byte[] bytes, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (!Bodies(signal).Any(b => b.AsSpan().IndexOf(bytes) >= 0))
        {
            try
            {
                await _arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return Bodies(signal).Any(b => b.AsSpan().IndexOf(bytes) >= 0);
            }
        }
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _arrived.Dispose();
    }
}

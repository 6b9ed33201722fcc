using System.Net;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
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

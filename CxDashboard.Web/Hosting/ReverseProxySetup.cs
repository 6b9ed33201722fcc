using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Hosting;

/// <summary>
/// Running behind a TLS-terminating proxy: the scheme, client address and (when allowed) host the
/// proxy saw become the request's own, so cookies, sign-in redirects and HSTS see HTTPS.
/// </summary>
public static class ReverseProxySetup
{
    public static IServiceCollection AddCxReverseProxy(this IServiceCollection services)
    {
        services.AddOptions<ReverseProxyOptions>()
            .BindConfiguration(ReverseProxyOptions.Section)
            .Validate(o => !o.InvalidProxies.Any(),
                "ReverseProxy:KnownProxies must be IP addresses, such as 10.0.0.4.")
            .Validate(o => !o.InvalidNetworks.Any(),
                "ReverseProxy:KnownNetworks must be networks in CIDR notation, such as 10.0.0.0/24.")
            .Validate(o => o.HttpsPort is > 0 and <= 65535,
                "ReverseProxy:HttpsPort must be a port number between 1 and 65535.")
            .ValidateOnStart();

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, configured) =>
        {
            var proxy = configured.Value;
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxy.AllowedHosts.Length > 0)
            {
                forwarded.ForwardedHeaders |= ForwardedHeaders.XForwardedHost;
                forwarded.AllowedHosts = proxy.AllowedHosts.ToList();
            }

            // The framework trusts loopback only; configured proxies replace that, they do not add to it.
            if (proxy.ReplacesDefaultProxies)
            {
                forwarded.KnownProxies.Clear();
                forwarded.KnownIPNetworks.Clear();
                foreach (var address in proxy.KnownProxies)
                {
                    if (IPAddress.TryParse(address, out var parsed))
                    {
                        forwarded.KnownProxies.Add(parsed);
                    }
                }
                foreach (var network in proxy.KnownNetworks)
                {
                    if (System.Net.IPNetwork.TryParse(network, out var parsed))
                    {
                        forwarded.KnownIPNetworks.Add(parsed);
                    }
                }
            }
        });

        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddOptions<HttpsRedirectionOptions>().Configure<IOptions<ReverseProxyOptions>>(
            (redirection, proxy) => redirection.HttpsPort = proxy.Value.HttpsPort);
        return services;
    }

    /// <summary>First in the pipeline: everything after it sees the request as the proxy received it.</summary>
    public static WebApplication UseCxForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    /// <summary>
    /// Outside Development: HSTS on HTTPS responses and plain HTTP redirected to HTTPS, except the health
    /// probe, which load balancers call on the instance itself without TLS.
    /// </summary>
    public static WebApplication UseCxHttpsOnly(this WebApplication app)
    {
        app.UseHsts();
        app.UseWhen(context => !context.Request.Path.StartsWithSegments(HealthEndpoints.Path), branch => branch.UseHttpsRedirection());
        return app;
    }
}

using System.Net;

namespace CxDashboard.Web.Hosting;

/// <summary>
/// The TLS-terminating proxies in front of the app (section <c>ReverseProxy</c>). Their
/// X-Forwarded-For and X-Forwarded-Proto are believed; anyone else's are ignored.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.4</c>. With neither list set only loopback is trusted.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies live in, in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>
    /// The public host names people use. X-Forwarded-Host is believed only when this is set, and only
    /// for these names: a forged host would otherwise become the sign-in redirect address.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>The port plain-HTTP requests are redirected to outside Development.</summary>
    public int HttpsPort { get; set; } = 443;

    public bool ReplacesDefaultProxies => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public IEnumerable<string> InvalidProxies => KnownProxies.Where(p => !IPAddress.TryParse(p, out _));

    public IEnumerable<string> InvalidNetworks => KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _));
}

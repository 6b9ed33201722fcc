using System.Net;

namespace CxDashboard.Web.Auth;

/// <summary>
/// Which way people sign in, decided once at start from configuration and environment:
/// the identity provider when one is configured, otherwise the development sign-in where allowed.
/// </summary>
public sealed record SignInMode(bool UsesIdentityProvider, bool AllowsDevelopmentSignIn)
{
    /// <summary>
    /// The development sign-in was switched on outside Development: it then answers only requests from this
    /// machine, and every page says it is on.
    /// </summary>
    public bool OnlyFromThisMachine { get; init; }

    public static SignInMode From(OidcOptions oidc, CxAuthenticationOptions options, IHostEnvironment environment) =>
        oidc.IsConfigured
            ? new SignInMode(UsesIdentityProvider: true, AllowsDevelopmentSignIn: false)
            : new SignInMode(UsesIdentityProvider: false, AllowsDevelopmentSignIn: environment.IsDevelopment() || options.DevelopmentSignIn)
            {
                OnlyFromThisMachine = !environment.IsDevelopment() && options.DevelopmentSignIn,
            };

    public bool CanSignIn => UsesIdentityProvider || AllowsDevelopmentSignIn;

    /// <summary>Whether this request may use the development sign-in.</summary>
    public bool AllowsDevelopmentSignInFor(HttpRequest request) =>
        AllowsDevelopmentSignIn && (!OnlyFromThisMachine || IsFromThisMachine(request));

    // A reverse proxy on the same machine connects from loopback on behalf of anyone: a request it relays
    // (it says so in a forwarding header) is not from this machine.
    private static bool IsFromThisMachine(HttpRequest request) =>
        request.HttpContext.Connection.RemoteIpAddress is { } address
        && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)
        && !request.Headers.ContainsKey("X-Forwarded-For")
        && !request.Headers.ContainsKey("Forwarded")
        && !request.Headers.ContainsKey("X-Real-IP");
}

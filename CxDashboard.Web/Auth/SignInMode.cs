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

    /// <summary>Whether a request from <paramref name="remoteAddress"/> may use the development sign-in.</summary>
    public bool AllowsDevelopmentSignInFrom(IPAddress? remoteAddress) =>
        AllowsDevelopmentSignIn && (!OnlyFromThisMachine || IsThisMachine(remoteAddress));

    private static bool IsThisMachine(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
}

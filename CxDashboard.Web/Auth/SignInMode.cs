namespace CxDashboard.Web.Auth;

/// <summary>
/// Which way people sign in, decided once at start from configuration and environment:
/// the identity provider when one is configured, otherwise the development sign-in where allowed.
/// </summary>
public sealed record SignInMode(bool UsesIdentityProvider, bool AllowsDevelopmentSignIn)
{
    public static SignInMode From(OidcOptions oidc, CxAuthenticationOptions options, IHostEnvironment environment) =>
        oidc.IsConfigured
            ? new SignInMode(UsesIdentityProvider: true, AllowsDevelopmentSignIn: false)
            : new SignInMode(UsesIdentityProvider: false, AllowsDevelopmentSignIn: environment.IsDevelopment() || options.DevelopmentSignIn);

    public bool CanSignIn => UsesIdentityProvider || AllowsDevelopmentSignIn;
}

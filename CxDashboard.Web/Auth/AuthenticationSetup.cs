namespace CxDashboard.Web.Auth;

public static class AuthenticationSetup
{
    public static WebApplicationBuilder AddCxAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorization(Policies.Configure);
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    public static WebApplication MapCxAuthEndpoints(this WebApplication app) => app;
}

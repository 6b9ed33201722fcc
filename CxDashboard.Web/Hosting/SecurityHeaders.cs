using System.Security.Cryptography;
using CxDashboard.Web.Auth;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Hosting;

/// <summary>
/// The headers that tell a browser what this app's pages may do, on every response, error pages and
/// not-found included. Scripts come from the app's own origin only; the one inline script, Blazor's
/// import map, carries the request's nonce. MudBlazor writes style attributes and a theme
/// <c>&lt;style&gt;</c> element, so inline styles stay allowed; inline styles cannot run code.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "cx:csp-nonce";

    /// <summary>The nonce this response's Content-Security-Policy allows inline scripts with.</summary>
    public static string NonceOf(HttpContext context) =>
        context.Items[NonceKey] as string ?? throw new InvalidOperationException("The security headers middleware has not run for this request.");

    public static WebApplication UseCxSecurityHeaders(this WebApplication app)
    {
        // Read on the first request, not here: settings that fail validation are reported by the host's start.
        var oidc = app.Services.GetRequiredService<IOptions<OidcOptions>>();
        var formTargets = new Lazy<string>(() => FormTargets(oidc.Value));

        app.Use((context, next) =>
        {
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            // Set as the response starts: the exception handler clears headers set earlier.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy =
                    "default-src 'self'; " +
                    $"script-src 'self' 'nonce-{nonce}'; " +
                    "style-src 'self' 'unsafe-inline'; " +
                    "img-src 'self' data:; " +
                    "font-src 'self' data:; " +
                    // 'self' covers the circuit's ws:/wss: connection to the same host.
                    "connect-src 'self'; " +
                    "object-src 'none'; " +
                    "base-uri 'self'; " +
                    $"form-action {formTargets.Value}; " +
                    "frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    // Signing out posts a form whose answer redirects to the provider's end-session page; form-action covers that redirect.
    private static string FormTargets(OidcOptions oidc) =>
        oidc.IsConfigured && Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority)
            ? $"'self' {authority.GetLeftPart(UriPartial.Authority)}"
            : "'self'";
}

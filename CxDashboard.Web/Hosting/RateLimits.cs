using System.Globalization;
using System.Threading.RateLimiting;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Api;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CxDashboard.Web.Hosting;

/// <summary>
/// Limits on what is costly or worth guessing at: the ingestion API per client, the exports per person,
/// the sign-in per address. A refused request gets 429 and Retry-After.
/// </summary>
public static class RateLimits
{
    public const string Api = "api";
    public const string Exports = "exports";
    public const string SignIn = "sign-in";

    /// <summary>When the limiter itself does not know (a concurrency limit), the caller is told to try again after this.</summary>
    private static readonly TimeSpan ConcurrencyRetryAfter = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddCxRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.Section)
            .Validate(o => o.IsUsable,
                "RateLimits: every PermitLimit, Window and Exports:ConcurrentPerPerson must be greater than zero.")
            .ValidateOnStart();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var known) ? known : ConcurrencyRetryAfter;
                context.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };

            options.AddPolicy(Api, context => Window("api:" + ApiClientOf(context), Limits(context).Api));
            options.AddPolicy(SignIn, context => Window("sign-in:" + context.Connection.RemoteIpAddress, Limits(context).SignIn));
            options.AddPolicy(Exports, context =>
            {
                var limit = Limits(context).Exports;
                var person = context.User.Subject() ?? context.Connection.RemoteIpAddress?.ToString();
                return RateLimitPartition.Get("exports:" + person, _ => RateLimiter.CreateChained(
                    new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = limit.ConcurrentPerPerson, QueueLimit = 0 }),
                    new FixedWindowRateLimiter(WindowOptions(limit))));
            });
        });
        return services;
    }

    private static RateLimitOptions Limits(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static RateLimitPartition<string> Window(string key, RateLimitWindow limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => WindowOptions(limit));

    private static FixedWindowRateLimiterOptions WindowOptions(RateLimitWindow limit) => new()
    {
        PermitLimit = limit.PermitLimit,
        Window = limit.Window,
        QueueLimit = 0,
    };

    // The limiter runs after authorization, so the user is the API key's or the bearer token's identity.
    private static string ApiClientOf(HttpContext context) =>
        context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value is { } keyId ? "key:" + keyId
        : context.User.Subject() is { } subject ? "subject:" + subject
        : "address:" + context.Connection.RemoteIpAddress;
}

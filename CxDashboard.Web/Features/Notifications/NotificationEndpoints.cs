using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Common;

namespace CxDashboard.Web.Features.Notifications;

public static class NotificationEndpoints
{
    /// <summary>The unread count the bell asks for, on every page: the dashboard holds no circuit to be told.</summary>
    public const string UnreadPath = "/notifications/unread";

    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(UnreadPath, async (HttpContext http, NotificationService notifications, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "no-store";
                return Results.Json(new { unread = await notifications.CountUnreadAsync(Caller.From(http.User), ct) });
            })
            .RequireAuthorization(Policies.Reader);
        return app;
    }
}

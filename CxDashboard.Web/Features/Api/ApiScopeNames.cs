using CxDashboard.Domain.Admin;

namespace CxDashboard.Web.Features.Api;

/// <summary>The scope names a key's holder and the OpenAPI document see.</summary>
public static class ApiScopeNames
{
    public const string FeedbackWrite = "feedback:write";
    public const string MetricsWrite = "metrics:write";

    public static IReadOnlyList<string> Of(ApiScopes scopes)
    {
        var names = new List<string>();
        if (scopes.HasFlag(ApiScopes.FeedbackWrite))
        {
            names.Add(FeedbackWrite);
        }
        if (scopes.HasFlag(ApiScopes.MetricsWrite))
        {
            names.Add(MetricsWrite);
        }
        return names;
    }
}

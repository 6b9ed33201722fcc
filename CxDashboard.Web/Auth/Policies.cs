using Microsoft.AspNetCore.Authorization;

namespace CxDashboard.Web.Auth;

/// <summary>The named authorization policies every page and endpoint carries.</summary>
public static class Policies
{
    /// <summary>Any signed-in person with a role: reads dashboards, lists and published scorecards.</summary>
    public const string Reader = nameof(Reader);
    public const string Admin = nameof(Admin);
    /// <summary>Owns the metric catalogue, governance and scorecards (head of CX).</summary>
    public const string CxLead = nameof(CxLead);
    /// <summary>Proposes metrics, signs off for a team, enters values, owns friction issues.</summary>
    public const string Lead = nameof(Lead);
    /// <summary>Records feedback, comments and updates assigned actions.</summary>
    public const string Contributor = nameof(Contributor);
    /// <summary>Reads the audit trail.</summary>
    public const string Auditor = nameof(Auditor);

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Reader, p => p.RequireAuthenticatedUser().RequireRole(Roles.All));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        options.AddPolicy(CxLead, p => p.RequireAuthenticatedUser().RequireRole(Roles.CxLead));
        options.AddPolicy(Lead, p => p.RequireAuthenticatedUser().RequireRole(Roles.CxLead, Roles.ChannelLead));
        options.AddPolicy(Contributor, p => p.RequireAuthenticatedUser().RequireRole(Roles.CxLead, Roles.ChannelLead, Roles.Contributor));
        options.AddPolicy(Auditor, p => p.RequireAuthenticatedUser().RequireRole(Roles.CxLead, Roles.Admin));
        options.FallbackPolicy = options.GetPolicy(Reader);
    }
}

/// <summary>Role names as they appear in claims and in-app grants.</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string CxLead = nameof(CxLead);
    public const string ChannelLead = nameof(ChannelLead);
    public const string Contributor = nameof(Contributor);
    public const string Executive = nameof(Executive);

    public static readonly string[] All = [Admin, CxLead, ChannelLead, Contributor, Executive];
}

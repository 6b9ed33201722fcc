namespace CxDashboard.Web.Auth;

/// <summary>How roles are named and explained to people, wherever the app lists them.</summary>
public static class RoleDescriptions
{
    public static string Title(string role) => role switch
    {
        Roles.Admin => "Admin",
        Roles.CxLead => "Head of CX",
        Roles.ChannelLead => "Channel lead",
        Roles.Contributor => "Contributor",
        Roles.Executive => "Executive",
        _ => "No role yet",
    };

    public static string Summary(string role) => role switch
    {
        Roles.Admin => "Teams, channels, journey stages, people and their roles, API keys.",
        Roles.CxLead => "Owns the metric catalogue, runs governance reviews, publishes scorecards, triages friction.",
        Roles.ChannelLead => "Records feedback, owns friction issues and actions for a team or channel, enters and signs off metrics.",
        Roles.Contributor => "Records feedback and observations, comments, updates the actions assigned to them.",
        Roles.Executive => "Reads dashboards and published scorecards, exports; changes nothing.",
        _ => "Signed in, but not given a role yet: sees the \"no access yet\" page.",
    };
}

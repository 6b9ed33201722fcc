namespace CxDashboard.Web.Auth;

/// <summary>How people sign in and how identity-provider roles become app roles (section <c>Authentication</c>).</summary>
public sealed class CxAuthenticationOptions
{
    public const string Section = "Authentication";

    /// <summary>
    /// Offers the development sign-in (pick a demo person) when no identity provider is configured.
    /// Always on in the Development environment; elsewhere it has to be asked for explicitly, and then
    /// only answers requests from this machine.
    /// </summary>
    public bool DevelopmentSignIn { get; set; }

    /// <summary>
    /// Identity-provider role values (group names, app roles) mapped to the app's role names. Keys match
    /// exactly, case included: a directory's <c>admins</c> group is not its <c>Admins</c> group.
    /// </summary>
    public Dictionary<string, string> RoleMapping { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The claim in which the identity provider says it verified the e-mail address.</summary>
    public string EmailVerifiedClaimType { get; set; } = "email_verified";

    /// <summary>How often open pages check that the person still holds the roles they opened with.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a sign-in lasts at most, however active the person is; then they sign in again.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    public static readonly TimeSpan DefaultProviderRolesCountFor = TimeSpan.FromDays(30);

    /// <summary>
    /// How long after a person's last sign-in the roles the identity provider gave them still decide whom notifications go
    /// to and how (a published scorecard, an escalation, the defaults by role). Someone who left and never signs in again
    /// stops counting as, say, an executive after this; grants made in the app are not affected.
    /// </summary>
    public TimeSpan ProviderRolesCountFor { get; set; } = DefaultProviderRolesCountFor;
}

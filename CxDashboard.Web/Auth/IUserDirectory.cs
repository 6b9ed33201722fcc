namespace CxDashboard.Web.Auth;

/// <summary>
/// The app's own record of people: who a signed-in identity is, and which roles an Admin granted
/// them inside the app. Implemented over the database; tests may replace it.
/// </summary>
public interface IUserDirectory
{
    /// <summary>The person matched on OIDC subject first, then e-mail; null when the app does not know them.</summary>
    Task<DirectoryEntry?> FindAsync(string? subject, string? email, CancellationToken cancellationToken = default);

    /// <summary>The demo people the development sign-in page offers: at least one per role.</summary>
    Task<IReadOnlyList<DevelopmentPerson>> DevelopmentPeopleAsync(CancellationToken cancellationToken = default);
}

public sealed record DirectoryEntry(int PersonId, string DisplayName, int? TeamId, IReadOnlyList<string> GrantedRoles);

public sealed record DevelopmentPerson(string Subject, string DisplayName, string Email, string Role, string? TeamName);

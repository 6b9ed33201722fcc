namespace CxDashboard.Web.Auth;

/// <summary>
/// The app's own record of people: who a signed-in identity is, and which roles an Admin granted
/// them inside the app. Implemented over the database; tests may replace it.
/// </summary>
public interface IUserDirectory
{
    /// <summary>The person linked to the identity provider's subject; null when no person is.</summary>
    Task<DirectoryEntry?> FindAsync(string subject, CancellationToken cancellationToken = default);

    /// <summary>
    /// Links the pre-registered person with this address to the subject, the first time they sign in.
    /// The caller vouches that the identity provider verified the address.
    /// </summary>
    Task<SubjectLink> LinkAsync(string subject, string verifiedEmail, CancellationToken cancellationToken = default);

    /// <summary>
    /// Keeps the app roles the identity provider gave the person at the sign-in of <paramref name="signedInAt"/>, for
    /// whatever is decided while they are away (whom to notify); true when something was written. Nothing is when the
    /// roles are those already kept, or when a later sign-in of theirs was already recorded.
    /// </summary>
    Task<bool> RecordProviderRolesAsync(int personId, IReadOnlyCollection<string> appRoles, DateTime signedInAt,
        CancellationToken cancellationToken = default);

    /// <summary>The demo people the development sign-in page offers: at least one per role.</summary>
    Task<IReadOnlyList<DevelopmentPerson>> DevelopmentPeopleAsync(CancellationToken cancellationToken = default);
}

public sealed record DirectoryEntry(int PersonId, string DisplayName, int? TeamId, IReadOnlyList<string> GrantedRoles);

public sealed record DevelopmentPerson(string Subject, string DisplayName, string Email, string Role, string? TeamName);

public enum SubjectLinkOutcome
{
    Linked,
    NoSuchPerson,
    /// <summary>The address belongs to a person who already signs in with another subject.</summary>
    LinkedToAnotherSubject,
}

public sealed record SubjectLink(SubjectLinkOutcome Outcome, DirectoryEntry? Person)
{
    public static readonly SubjectLink NoSuchPerson = new(SubjectLinkOutcome.NoSuchPerson, null);
    public static readonly SubjectLink LinkedToAnotherSubject = new(SubjectLinkOutcome.LinkedToAnotherSubject, null);
}

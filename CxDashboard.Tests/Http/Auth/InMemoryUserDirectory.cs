using CxDashboard.Web.Auth;

namespace CxDashboard.Tests.Http.Auth;

/// <summary>The people the auth tests sign in as, standing in for the database-backed directory.</summary>
internal sealed class InMemoryUserDirectory : IUserDirectory
{
    public static readonly DevelopmentPerson CxLead = new("dev-cxlead", "Cleo Marsh", "cleo.marsh@example.test", Roles.CxLead, "Customer experience");
    public static readonly DevelopmentPerson Executive = new("dev-executive", "Evan Price", "evan.price@example.test", Roles.Executive, null);
    public static readonly DevelopmentPerson Newcomer = new("dev-newcomer", "Nina Novak", "nina.novak@example.test", "None", "Stores");

    private readonly List<(string? Subject, string? Email, DirectoryEntry Entry)> entries =
    [
        ("dev-cxlead", "cleo.marsh@example.test", new DirectoryEntry(1, "Cleo Marsh", 10, [Roles.CxLead])),
        ("dev-executive", "evan.price@example.test", new DirectoryEntry(2, "Evan Price", null, [Roles.Executive])),
        ("dev-newcomer", "nina.novak@example.test", new DirectoryEntry(3, "Nina Novak", 20, [])),
    ];

    public int Lookups { get; private set; }

    /// <summary>Adds a person the directory knows, as an Admin would by granting roles in the app.</summary>
    public InMemoryUserDirectory With(string? subject, string? email, DirectoryEntry entry)
    {
        entries.Add((subject, email, entry));
        return this;
    }

    public Task<DirectoryEntry?> FindAsync(string? subject, string? email, CancellationToken cancellationToken = default)
    {
        Lookups++;
        var match = entries.FirstOrDefault(e => subject is not null && e.Subject == subject).Entry
            ?? entries.FirstOrDefault(e => email is not null && string.Equals(e.Email, email, StringComparison.OrdinalIgnoreCase)).Entry;
        return Task.FromResult<DirectoryEntry?>(match);
    }

    public Task<IReadOnlyList<DevelopmentPerson>> DevelopmentPeopleAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DevelopmentPerson>>([CxLead, Executive, Newcomer]);
}

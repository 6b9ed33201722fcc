using CxDashboard.Web.Auth;

namespace CxDashboard.Tests.Http.Auth;

/// <summary>The people the auth tests sign in as, standing in for the database-backed directory.</summary>
internal sealed class InMemoryUserDirectory : IUserDirectory
{
    public static readonly DevelopmentPerson CxLead = new("dev-cxlead", "Cleo Marsh", "cleo.marsh@example.test", Roles.CxLead, "Customer experience");
    public static readonly DevelopmentPerson Executive = new("dev-executive", "Evan Price", "evan.price@example.test", Roles.Executive, null);
    public static readonly DevelopmentPerson Newcomer = new("dev-newcomer", "Nina Novak", "nina.novak@example.test", "None", "Stores");

    private readonly List<Entry> entries =
    [
        new("dev-cxlead", "cleo.marsh@example.test", new DirectoryEntry(1, "Cleo Marsh", 10, [Roles.CxLead])),
        new("dev-executive", "evan.price@example.test", new DirectoryEntry(2, "Evan Price", null, [Roles.Executive])),
        new("dev-newcomer", "nina.novak@example.test", new DirectoryEntry(3, "Nina Novak", 20, [])),
    ];

    public int Lookups { get; private set; }

    /// <summary>Adds a person the directory knows, as an Admin would by granting roles in the app.</summary>
    public InMemoryUserDirectory With(string? subject, string email, DirectoryEntry entry)
    {
        entries.Add(new(subject, email, entry));
        return this;
    }

    /// <summary>Replaces what the directory holds for a person, as an Admin changing their grants would.</summary>
    public void Change(int personId, Func<DirectoryEntry, DirectoryEntry> change)
    {
        var found = entries.Single(e => e.Person.PersonId == personId);
        found.Person = change(found.Person);
    }

    public Task<DirectoryEntry?> FindAsync(string subject, CancellationToken cancellationToken = default)
    {
        Lookups++;
        return Task.FromResult(entries.FirstOrDefault(e => e.Subject == subject)?.Person);
    }

    public Task<SubjectLink> LinkAsync(string subject, string verifiedEmail, CancellationToken cancellationToken = default)
    {
        var found = entries.FirstOrDefault(e => string.Equals(e.Email, verifiedEmail, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            return Task.FromResult(SubjectLink.NoSuchPerson);
        }
        if (found.Subject is not null && found.Subject != subject)
        {
            return Task.FromResult(SubjectLink.LinkedToAnotherSubject);
        }
        found.Subject = subject;
        return Task.FromResult(new SubjectLink(SubjectLinkOutcome.Linked, found.Person));
    }

    /// <summary>The provider's roles each recording was asked to keep, in order.</summary>
    public List<(int PersonId, IReadOnlyCollection<string> Roles, DateTime SignedInAt)> Recordings { get; } = [];

    /// <summary>Makes every recording fail as a database that cannot be written would.</summary>
    public Exception? RecordingFails { get; set; }

    public Task<bool> RecordProviderRolesAsync(int personId, IReadOnlyCollection<string> appRoles, DateTime signedInAt,
        CancellationToken cancellationToken = default)
    {
        Recordings.Add((personId, appRoles, signedInAt));
        return RecordingFails is { } failure ? Task.FromException<bool>(failure) : Task.FromResult(true);
    }

    public Task<IReadOnlyList<DevelopmentPerson>> DevelopmentPeopleAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DevelopmentPerson>>([CxLead, Executive, Newcomer]);

    private sealed class Entry(string? subject, string email, DirectoryEntry person)
    {
        public string? Subject { get; set; } = subject;
        public string Email { get; } = email;
        public DirectoryEntry Person { get; set; } = person;
    }
}

using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Organisation;

/// <summary>
/// The app roles the identity provider gave a person at their latest sign-in. Whom a notification goes to is
/// decided while the person is away (a scorecard published, a follow-up breached at night), when no claim of
/// theirs is at hand, so the roles are kept; the provider stays their source, and the newest sign-in decides.
/// </summary>
public sealed class ProviderSignIn : Entity
{
    /// <summary>How soon the same roles are written again for a later sign-in: once a day, not at every sign-in.</summary>
    public static readonly TimeSpan RecordedAgainAfter = TimeSpan.FromDays(1);

    private ProviderSignIn() { Roles = []; }

    public ProviderSignIn(int personId)
    {
        PersonId = Guard.Id(personId, "The person");
        Roles = [];
    }

    public int PersonId { get; private set; }

    /// <summary>The roles the provider gave, in order; none once it stopped giving any.</summary>
    public List<Role> Roles { get; private set; }

    /// <summary>When the person signed in with those roles (at most <see cref="RecordedAgainAfter"/> earlier for the same roles).</summary>
    public DateTime SignedInAt { get; private set; }

    /// <summary>
    /// Records the roles a sign-in at <paramref name="signedInAt"/> gave; false when there is nothing to write: an
    /// older sign-in still open in another browser (it must not bring back a role the provider has since taken
    /// away), or the same roles recorded less than <see cref="RecordedAgainAfter"/> before.
    /// </summary>
    public bool Record(IEnumerable<Role> roles, DateTime signedInAt)
    {
        var given = roles.Distinct().Order().ToList();
        if (given.Any(role => !Enum.IsDefined(role)))
        {
            throw new DomainException("Only the app's roles are kept from the identity provider.");
        }
        var at = Guard.Utc(signedInAt);
        if (at < SignedInAt || (given.SequenceEqual(Roles) && at - SignedInAt < RecordedAgainAfter))
        {
            return false;
        }
        Roles = given;
        SignedInAt = at;
        return true;
    }

    /// <summary>
    /// The earliest sign-in whose roles still count at <paramref name="asOf"/>: a person who left keeps the roles of
    /// their last sign-in in the app's record, but after <paramref name="countFor"/> they no longer decide anything.
    /// </summary>
    public static DateTime CountsSince(DateTime asOf, TimeSpan countFor) => Guard.Utc(asOf) - countFor;
}

using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Organisation;

/// <summary>A role an Admin granted inside the app, matched on the person's subject or e-mail at sign-in.</summary>
public sealed class RoleGrant : Entity
{
    private RoleGrant() { GrantedBy = string.Empty; }

    public RoleGrant(int personId, Role role, string grantedBy, DateTime grantedAt)
    {
        PersonId = Guard.Id(personId, "The person");
        if (!Enum.IsDefined(role))
        {
            throw new DomainException("Choose a role to grant.");
        }
        Role = role;
        GrantedBy = Guard.Text(grantedBy, "Who granted the role", 200);
        GrantedAt = Guard.Utc(grantedAt);
    }

    public int PersonId { get; private set; }
    public Role Role { get; private set; }
    public string GrantedBy { get; private set; }
    public DateTime GrantedAt { get; private set; }
}

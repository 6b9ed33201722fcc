using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Organisation;

/// <summary>A silo of the retailer that owns work: stores, e-commerce, contact centre, …</summary>
public sealed class Team : Entity
{
    private Team() { Code = Name = string.Empty; }

    public Team(string code, string name)
    {
        Code = Guard.Text(code, "A team's code", 32).ToLowerInvariant();
        Name = Guard.Text(name, "A team's name", 100);
    }

    public string Code { get; private set; }
    public string Name { get; private set; }

    /// <summary>The person who answers for the team: default owner of its channels' follow-ups.</summary>
    public int? LeadPersonId { get; private set; }

    public void Rename(string name) => Name = Guard.Text(name, "A team's name", 100);

    public void AppointLead(Person person)
    {
        if (person.TeamId != Id)
        {
            throw new DomainException($"{person.DisplayName} is not a member of {Name}, so cannot lead it.");
        }
        LeadPersonId = person.Id;
    }
}

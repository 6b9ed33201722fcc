using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Organisation;

/// <summary>Where customers meet the retailer: store, website, app, contact centre, social, marketplace.</summary>
public sealed class Channel : Entity
{
    private Channel() { Code = Name = string.Empty; }

    public Channel(string code, string name, int owningTeamId, int sortOrder)
    {
        Code = Guard.Text(code, "A channel's code", 32).ToLowerInvariant();
        Name = Guard.Text(name, "A channel's name", 100);
        OwningTeamId = Guard.Id(owningTeamId, "A channel's owning team");
        SortOrder = sortOrder;
    }

    public string Code { get; private set; }
    public string Name { get; private set; }

    /// <summary>The team that answers for this channel: its lead owns follow-ups by default.</summary>
    public int OwningTeamId { get; private set; }

    public int SortOrder { get; private set; }

    public void HandOverTo(int teamId) => OwningTeamId = Guard.Id(teamId, "A channel's owning team");
}

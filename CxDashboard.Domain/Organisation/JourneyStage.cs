using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Organisation;

/// <summary>A step of the customer journey, from discover to loyalty.</summary>
public sealed class JourneyStage : Entity
{
    private JourneyStage() { Code = Name = string.Empty; }

    public JourneyStage(string code, string name, int sortOrder)
    {
        Code = Guard.Text(code, "A journey stage's code", 32).ToLowerInvariant();
        Name = Guard.Text(name, "A journey stage's name", 100);
        SortOrder = sortOrder;
    }

    public string Code { get; private set; }
    public string Name { get; private set; }
    public int SortOrder { get; private set; }
}

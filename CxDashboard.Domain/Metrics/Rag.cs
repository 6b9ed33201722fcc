namespace CxDashboard.Domain.Metrics;

/// <summary>Red, amber, green: how a value stands against its target.</summary>
public enum Rag
{
    None = 0,
    Green = 1,
    Amber = 2,
    Red = 3,
}

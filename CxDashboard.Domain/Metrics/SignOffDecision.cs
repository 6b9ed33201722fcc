namespace CxDashboard.Domain.Metrics;

public enum SignOffDecision
{
    SignedOff = 1,
    Objected = 2,
}

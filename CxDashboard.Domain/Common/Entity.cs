namespace CxDashboard.Domain.Common;

/// <summary>Base of every stored entity: an identity assigned by the store.</summary>
public abstract class Entity
{
    public int Id { get; protected set; }
}

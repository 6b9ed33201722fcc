using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CxDashboard.Web.Data;

/// <summary>
/// The keys and foreign keys of the rows a save creates, as they were before it began (or, captured
/// just before its commit, as they were stored). A
/// write that succeeded before the attempt failed has handed them stored values, and EF Core does not
/// take back those it passed on to new dependent rows (a new action's notes would point at an id the
/// rolled-back transaction never kept); putting them back lets the retry create the rows afresh.
/// </summary>
internal sealed class PendingKeys
{
    private readonly List<(PropertyEntry Property, object? Value, bool Temporary)> _keys = [];

    private PendingKeys()
    {
    }

    public static PendingKeys Capture(ChangeTracker tracker)
    {
        var keys = new PendingKeys();
        foreach (var entry in tracker.Entries().Where(e => e.State == EntityState.Added))
        {
            foreach (var property in entry.Properties.Where(p => p.Metadata.IsKey() || p.Metadata.IsForeignKey()))
            {
                keys._keys.Add((property, property.CurrentValue, property.IsTemporary));
            }
        }
        return keys;
    }

    public void Restore()
    {
        foreach (var (property, value, temporary) in _keys)
        {
            if (property.EntityEntry.State != EntityState.Added)
            {
                continue;
            }
            property.CurrentValue = value;
            property.IsTemporary = temporary;
        }
    }

    /// <summary>
    /// Puts back keys captured once the rows were written, as the stored values they are: EF Core took them
    /// back when the commit's acknowledgement was lost, though the commit itself went through.
    /// </summary>
    public void KeepAsStored()
    {
        foreach (var (property, value, _) in _keys)
        {
            if (property.EntityEntry.State != EntityState.Added)
            {
                continue;
            }
            property.CurrentValue = value;
            property.IsTemporary = false;
        }
    }
}

using System.Globalization;
using System.Text.Json;
using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Notifications;
using CxDashboard.Domain.Organisation;
using CxDashboard.Domain.Themes;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CxDashboard.Web.Data;

/// <summary>
/// Turns the changes a context is about to save into audit entries: who, when, what, and the changed
/// fields before → after. Personal data (what a customer said, who they are) is never copied into the
/// trail, so that erasing a customer leaves nothing behind. Secrets, and anything derived from one
/// (an API key's hash), are left out of every snapshot altogether: the trail is read by more people
/// than the keys are, and a hash is enough to attack a short secret offline. An item's themes follow from the
/// themes' rules, not from anyone's act, so tagging writes no entries.
/// </summary>
internal static class AuditRecorder
{
    private static readonly HashSet<string> PersonalFields = ["Verbatim", "CustomerRef", "FollowUpNote", "ExternalId", "ExternalKey"];
    private const string Redacted = "[personal data]";

    // Matched on the name so that a secret added to the model later is left out without anyone remembering to list it.
    private static readonly string[] SecretNameParts = ["Secret", "Hash", "Password", "Token", "Salt"];

    /// <summary>Whether a property holds a secret or something derived from one, and so is never snapshotted.</summary>
    public static bool IsSecret(string propertyName) =>
        SecretNameParts.Any(part => propertyName.Contains(part, StringComparison.OrdinalIgnoreCase));

    private sealed record Pending(EntityEntry Entry, AuditAction Action, Dictionary<string, object?>? Before, Dictionary<string, object?>? After);

    public static bool HasAuditableChanges(ChangeTracker tracker) =>
        tracker.Entries().Any(e => IsAudited(e) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);

    // A provider sign-in copies what the identity provider says of a person (it keeps its own log of who gave whom a
    // role); recording it at sign-in is nobody's act in the app.
    private static bool IsAudited(EntityEntry entry) =>
        entry.Entity is not (AuditEntry or DataProtectionKey or Notification or FeedbackTheme or ProviderSignIn) && !entry.Metadata.IsOwned();

    /// <summary>
    /// The entries for the changes just written and not yet accepted: keys and foreign keys of new rows
    /// are the stored ones by then, so the record an entry names and its snapshot agree.
    /// </summary>
    public static List<AuditEntry> Describe(ChangeTracker tracker, AuditActor actor, DateTime at)
    {
        // Called in the middle of a save: the changes were detected when it began.
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return ToEntries(Collect(tracker), actor, at).ToList();
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>
    /// The entry for a row written without the change tracker (a bulk write), stored under <paramref name="key"/>:
    /// the same entry <see cref="Describe"/> gives for a row the context adds. Shadow properties (the version
    /// token, computed columns) hold nothing of the row's own until the database has it, and are left out.
    /// </summary>
    public static AuditEntry Created(IEntityType type, object entity, object key, AuditActor actor, DateTime at)
    {
        var after = new Dictionary<string, object?>();
        foreach (var property in type.GetProperties())
        {
            var name = property.Name;
            if (name == CxDbContext.VersionProperty || IsSecret(name) || property.IsShadowProperty())
            {
                continue;
            }
            var value = property.IsPrimaryKey() ? key
                : property.PropertyInfo is { } clr ? clr.GetValue(entity) : property.FieldInfo?.GetValue(entity);
            after[name] = PersonalFields.Contains(name) && value is not null ? Redacted : Portable(value);
        }
        var id = Convert.ToString(key, CultureInfo.InvariantCulture) ?? "?";
        var typeName = type.ClrType.Name;
        return new AuditEntry(at, actor.PersonId, actor.Name, typeName, id, AuditAction.Created, $"Created {typeName} #{id}", null,
            JsonSerializer.Serialize(after));
    }

    private static List<Pending> Collect(ChangeTracker tracker)
    {
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (!IsAudited(entry))
            {
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add(new(entry, AuditAction.Created, null, Values(entry, p => p.CurrentValue, all: true)));
                    break;
                case EntityState.Deleted:
                    pending.Add(new(entry, AuditAction.Deleted, Values(entry, p => p.OriginalValue, all: true), null));
                    break;
                case EntityState.Modified:
                    var before = Values(entry, p => p.OriginalValue, all: false);
                    if (before.Count > 0)
                    {
                        pending.Add(new(entry, AuditAction.Changed, before, Values(entry, p => p.CurrentValue, all: false)));
                    }
                    break;
            }
        }
        return pending;
    }

    private static IEnumerable<AuditEntry> ToEntries(IEnumerable<Pending> pending, AuditActor actor, DateTime at) =>
        pending.Select(p =>
        {
            var type = p.Entry.Metadata.ClrType.Name;
            var id = Key(p.Entry);
            return new AuditEntry(at, actor.PersonId, actor.Name, type, id, p.Action, Summarise(type, id, p),
                p.Before is null ? null : JsonSerializer.Serialize(p.Before),
                p.After is null ? null : JsonSerializer.Serialize(p.After));
        });

    private static Dictionary<string, object?> Values(EntityEntry entry, Func<PropertyEntry, object?> read, bool all)
    {
        var values = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (name == CxDbContext.VersionProperty || IsSecret(name) || (!all && !property.IsModified) || property.Metadata.IsPrimaryKey() && !all)
            {
                continue;
            }
            if (!all && Equals(property.OriginalValue, property.CurrentValue))
            {
                continue;
            }
            var value = read(property);
            values[name] = PersonalFields.Contains(name) && value is not null ? Redacted : Portable(value);
        }
        return values;
    }

    private static object? Portable(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => e.ToString(),
        string or int or long or double or bool => value,
        System.Collections.IEnumerable list => string.Join(",", list.Cast<object?>()),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static string Key(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null
            ? "?"
            : string.Join("/", key.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)));
    }

    private static string Summarise(string type, string id, Pending p)
    {
        var what = $"{type} #{id}";
        var text = p.Action switch
        {
            AuditAction.Created => $"Created {what}",
            AuditAction.Deleted => $"Deleted {what}",
            _ => $"Changed {what}: " + string.Join(", ", p.Before!.Keys.Select(k => $"{k} {Show(p.Before[k])} → {Show(p.After![k])}")),
        };
        return text.Length <= 500 ? text : text[..497] + "…";
    }

    private static string Show(object? value) => value switch
    {
        null => "(none)",
        string s when s.Length > 40 => $"'{s[..37]}…'",
        string s => $"'{s}'",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

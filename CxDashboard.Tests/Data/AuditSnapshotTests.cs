using System.Globalization;
using System.Text.Json;
using CxDashboard.Domain.Admin;
using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Notifications;
using CxDashboard.Domain.Organisation;
using CxDashboard.Domain.Themes;
using CxDashboard.Tests.Features.Seeding;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CxDashboard.Tests.Data;

/// <summary>
/// The audit trail of a creation names the record by the number it was stored under, and its snapshot
/// says the same: an auditor reading "Created ActionItem #12" finds "Id":12 beside it, never EF Core's
/// temporary -2147482647, and every link in the snapshot points at a real record.
/// </summary>
public sealed class AuditSnapshotTests : IAsyncLifetime
{
    private static readonly DateTime Now = SeededDatabase.Now.UtcDateTime;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await DemoDataSeederTests.Seeder(_database).SeedAsync(50, reset: false);
        // The records the demo retailer does not create through the change tracker.
        await using var db = _database.CreateDbContext();
        var person = await db.People.OrderBy(p => p.Id).FirstAsync();
        var channel = await db.Channels.OrderBy(c => c.Id).FirstAsync();
        db.Feedback.Add(new FeedbackItem(new FeedbackDetails(Now.AddHours(-1), channel.Id, null, FeedbackSource.Complaint,
            FeedbackCategory.Service, Sentiment.Negative, null, null, "The parcel never came", "C-12AB34"), person.Id, Now));
        var secret = ApiKeySecret.Create();
        db.ApiKeys.Add(new ApiKey("Survey tool", ApiKeySecret.PrefixOf(secret), ApiKeySecret.Hash(secret), ApiScopes.FeedbackWrite, person.Id, person.DisplayName, Now));
        db.ImportPresets.Add(new ImportPreset("Quarterly survey", "Qualtrics", "{}", person.Id, Now));
        db.NotificationPreferences.Add(new NotificationPreference(person.Id, NotificationKind.DetractorInMyArea, NotificationChannel.Off));
        var issue = await db.FrictionIssues.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        var theme = await db.Themes.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        db.FrictionIssueThemes.Add(new FrictionIssueTheme(issue, theme, person.Id, Now));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    /// <summary>
    /// Every kind of record of the business: not the trail itself, nor counts the database keeps, nor what follows
    /// from other records (a theme's tags from its rule, a notification from the change it tells of, a digest from
    /// the notifications it gathers), nor the identity provider's word on a person's roles, copied at their sign-in.
    /// </summary>
    private static List<IEntityType> AuditedTypes(CxDbContext db) =>
        db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.ClrType != typeof(AuditEntry) && t.FindPrimaryKey() is not null)
            .Where(t => t.ClrType != typeof(FeedbackTheme) && t.ClrType != typeof(Notification) && t.ClrType != typeof(NotificationDigest)
                && t.ClrType != typeof(ProviderSignIn))
            .Where(t => t.ClrType.Namespace!.StartsWith("CxDashboard.Domain", StringComparison.Ordinal))
            .ToList();

    [Fact]
    public async Task Every_kind_of_record_is_audited_when_created()
    {
        await using var db = _database.CreateDbContext();
        var created = await db.AuditEntries.Where(e => e.Action == AuditAction.Created).Select(e => e.EntityType).Distinct().ToListAsync();

        var missing = AuditedTypes(db).Select(t => t.ClrType.Name).Except(created).Order().ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public async Task A_creations_snapshot_carries_the_stored_key_and_links_to_real_records()
    {
        await using var db = _database.CreateDbContext();
        var types = AuditedTypes(db).ToDictionary(t => t.ClrType.Name);
        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.Created).ToListAsync();
        Assert.NotEmpty(entries);

        foreach (var entry in entries)
        {
            var type = types[entry.EntityType];
            var snapshot = JsonDocument.Parse(entry.After!).RootElement;
            var keyProperties = type.FindPrimaryKey()!.Properties;
            var keyParts = entry.EntityId.Split('/');
            Assert.Equal(keyProperties.Count, keyParts.Length);
            var key = new object[keyProperties.Count];
            for (var i = 0; i < keyProperties.Count; i++)
            {
                var part = int.Parse(keyParts[i], CultureInfo.InvariantCulture);
                Assert.True(part > 0, $"{entry.Summary}: the record column holds {entry.EntityId}");
                Assert.Equal(part, snapshot.GetProperty(keyProperties[i].Name).GetInt32());
                key[i] = part;
            }
            Assert.NotNull(await db.FindAsync(type.ClrType, key));
            foreach (var foreignKey in type.GetForeignKeys())
            {
                var property = foreignKey.Properties.Single();
                var value = snapshot.GetProperty(property.Name);
                if (value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }
                Assert.True(value.GetInt32() > 0, $"{entry.Summary}: {property.Name} is {value}");
                Assert.NotNull(await db.FindAsync(foreignKey.PrincipalEntityType.ClrType, value.GetInt32()));
            }
        }
    }
}

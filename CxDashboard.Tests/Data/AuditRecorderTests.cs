using System.Text.Json;
using System.Text.RegularExpressions;
using CxDashboard.Domain.Admin;
using CxDashboard.Domain.Audit;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Admin;
using CxDashboard.Web.Features.Common;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CxDashboard.Tests.Data;

/// <summary>What the audit trail is never given: secrets and what is derived from them.</summary>
public sealed partial class AuditRecorderTests : IAsyncLifetime
{
    private FeedbackData _data = null!;

    public async Task InitializeAsync() => _data = await FeedbackData.CreateAsync();

    public async Task DisposeAsync() => await _data.Database.DisposeAsync();

    private Caller Admin => new(_data.Eli, "Eli Novak", _data.DigitalTeam, new HashSet<string> { Roles.Admin });

    // Kept apart from the recorder's own list, so that narrowing that list makes this test fail.
    [GeneratedRegex("secret|hash|password|passwd|token|salt|credential|private.?key", RegexOptions.IgnoreCase)]
    private static partial Regex NamedLikeASecret();

    [Fact]
    public void No_property_of_the_model_named_like_a_secret_is_snapshotted()
    {
        using var db = _data.Database.CreateDbContext();
        var secrets = db.Model.GetEntityTypes()
            .Where(t => t.ClrType != typeof(DataProtectionKey))
            .SelectMany(t => t.GetProperties().Select(p => (Entity: t.ClrType.Name, Property: p.Name)))
            .Where(p => NamedLikeASecret().IsMatch(p.Property))
            .ToList();

        Assert.Contains((nameof(ApiKey), nameof(ApiKey.SecretHash)), secrets);
        Assert.All(secrets, p => Assert.True(AuditRecorder.IsSecret(p.Property), $"{p.Entity}.{p.Property} would be copied into the audit trail."));
    }

    [Fact]
    public async Task Creating_and_revoking_an_api_key_leaves_neither_its_secret_nor_its_hash_in_the_audit_trail()
    {
        var admin = new AdminService(_data.Database, _data.Clock);
        var created = await admin.CreateApiKeyAsync("Survey tool", ApiScopes.FeedbackWrite, Admin);
        await admin.RevokeApiKeyAsync(created.Id, Admin);

        await using var db = _data.Database.CreateDbContext();
        var hash = (await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == created.Id)).SecretHash;
        var trail = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ApiKey)).ToListAsync();

        Assert.Equal(2, trail.Count);
        Assert.All(trail, entry =>
        {
            var text = string.Join("\n", entry.Summary, entry.Before, entry.After);
            Assert.DoesNotContain(hash, text, StringComparison.Ordinal);
            Assert.DoesNotContain(created.Secret, text, StringComparison.Ordinal);
            foreach (var snapshot in new[] { entry.Before, entry.After }.OfType<string>())
            {
                var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(snapshot)!.Keys;
                Assert.DoesNotContain(fields, NamedLikeASecret().IsMatch);
            }
        });
        Assert.Contains("Survey tool", trail.Single(e => e.After is not null && e.Before is null).After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upgrading_takes_an_api_keys_hash_out_of_entries_written_before_secrets_were_left_out()
    {
        await using var db = _data.Database.CreateDbContext();
        var migrations = db.Database.GetMigrations().ToList();
        var scrub = migrations.FindIndex(m => m.EndsWith("_ScrubSecretsFromAuditTrail", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(migrations[scrub - 1]);
        const string key = """{"Name":"Survey tool","Prefix":"cxk_ab12","SecretHash":"v1.600000.c2FsdA.aGFzaA","Scopes":"FeedbackWrite"}""";
        await LegacyAuditEntries.InsertAsync(db,
            new AuditEntry(FeedbackData.Now, _data.Eli, "Eli Novak", nameof(ApiKey), "7", AuditAction.Created, "Created ApiKey #7", null, key),
            new AuditEntry(FeedbackData.Now, _data.Eli, "Eli Novak", nameof(ApiKey), "7", AuditAction.Deleted, "Deleted ApiKey #7", key, null));

        await migrator.MigrateAsync();

        var trail = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ApiKey) && a.EntityId == "7").ToListAsync();
        Assert.Equal(2, trail.Count);
        Assert.All(trail.Select(e => e.Before ?? e.After!), snapshot =>
        {
            Assert.DoesNotContain("SecretHash", snapshot, StringComparison.Ordinal);
            Assert.Equal(("Survey tool", "cxk_ab12"), (JsonDocument.Parse(snapshot).RootElement.GetProperty("Name").GetString(),
                JsonDocument.Parse(snapshot).RootElement.GetProperty("Prefix").GetString()));
        });
    }
}

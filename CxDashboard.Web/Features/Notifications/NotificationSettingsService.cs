using CxDashboard.Domain.Common;
using CxDashboard.Domain.Notifications;
using CxDashboard.Domain.Organisation;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Notifications;

/// <summary>
/// A person's own notification settings: how they are told about each kind, their roles' default beside it. Only a
/// choice that differs from the default is kept, so a person whose role changes follows the new role's defaults
/// wherever they made no choice of their own. Every method reaches only the caller's own settings.
/// </summary>
public sealed class NotificationSettingsService(IDbContextFactory<CxDbContext> dbFactory, TimeProvider clock)
{
    public async Task<NotificationSettings> GetAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var me = caller.RequirePersonId();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var choices = await NotificationChoices.ForAsync(db, [me], clock.GetUtcNow().UtcDateTime, cancellationToken);
        return new NotificationSettings(choices.RolesOf(me),
            NotificationDefaults.Kinds.Select(kind => new NotificationSetting(kind, NotificationKindText.Describe(kind),
                choices.DefaultFor(me, kind), choices.For(me, kind))).ToList());
    }

    /// <summary>
    /// Keeps the caller's choices: <paramref name="chosen"/> for each kind it names, compared with <paramref name="seen"/>, the
    /// channels the page showed. Settings changed since (in another window) are a conflict, and nothing is saved.
    /// </summary>
    public async Task SaveAsync(IReadOnlyDictionary<NotificationKind, NotificationChannel> chosen,
        IReadOnlyDictionary<NotificationKind, NotificationChannel> seen, Caller caller, CancellationToken cancellationToken = default)
    {
        var me = caller.RequirePersonId();
        foreach (var (kind, channel) in chosen)
        {
            if (!Enum.IsDefined(kind) || !Enum.IsDefined(channel))
            {
                throw new DomainException("Choose, for each kind of notification, in the app, e-mail now, daily digest or off.");
            }
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var choices = await NotificationChoices.ForAsync(db, [me], clock.GetUtcNow().UtcDateTime, ct);
            if (seen.Any(s => choices.For(me, s.Key) != s.Value))
            {
                throw new ConcurrencyConflictException("Your notification settings were changed in another window since you opened them; here they are as saved now.");
            }
            var stored = await db.NotificationPreferences.Where(p => p.PersonId == me).ToDictionaryAsync(p => p.Kind, ct);
            foreach (var (kind, channel) in chosen)
            {
                var isDefault = channel == choices.DefaultFor(me, kind);
                switch (stored.GetValueOrDefault(kind))
                {
                    case { } preference when isDefault:
                        db.NotificationPreferences.Remove(preference);
                        break;
                    case { } preference:
                        preference.Change(channel);
                        break;
                    case null when !isDefault:
                        db.NotificationPreferences.Add(new NotificationPreference(me, kind, channel));
                        break;
                }
            }
            await db.SaveChangesAsync(caller.ToAuditActor(), clock, ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
    }

    /// <summary>Forgets the caller's choices: their roles' defaults apply to every kind again.</summary>
    public async Task ResetAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var me = caller.RequirePersonId();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.NotificationPreferences.Where(p => p.PersonId == me).ExecuteDeleteAsync(cancellationToken);
    }
}

/// <param name="Roles">The roles whose defaults apply (none: a contributor's).</param>
public sealed record NotificationSettings(IReadOnlyList<Role> Roles, IReadOnlyList<NotificationSetting> Kinds);

/// <param name="Channel">How the person is told now: their choice, or the default.</param>
public sealed record NotificationSetting(NotificationKind Kind, string Description, NotificationChannel Default, NotificationChannel Channel);

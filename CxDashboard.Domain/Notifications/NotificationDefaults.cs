using CxDashboard.Domain.Common;
using CxDashboard.Domain.Organisation;
using static CxDashboard.Domain.Notifications.NotificationChannel;
using static CxDashboard.Domain.Notifications.NotificationKind;

namespace CxDashboard.Domain.Notifications;

/// <summary>
/// How a person is told about each kind of notification until they choose otherwise, by role. A person with
/// several roles is told the most any of them says (e-mail now before the digest, the digest before the app
/// alone, the app before nothing); an Admin, or a person with no role the app knows, is told as a contributor.
/// </summary>
public static class NotificationDefaults
{
    private sealed record Row(NotificationChannel Contributor, NotificationChannel ChannelLead, NotificationChannel CxLead, NotificationChannel Executive);

    private static readonly Dictionary<NotificationKind, Row> Table = new()
    {
        //                                  Contributor  ChannelLead  CxLead       Executive
        [FollowUpAssigned] = new(           EmailNow,    EmailNow,    EmailNow,    EmailNow),
        [ActionAssigned] = new(             EmailNow,    EmailNow,    EmailNow,    EmailNow),
        [DetractorInMyArea] = new(          InApp,       EmailNow,    DailyDigest, Off),
        [FollowUpDueSoon] = new(            InApp,       InApp,       InApp,       InApp),
        [FollowUpBreached] = new(           EmailNow,    EmailNow,    EmailNow,    EmailNow),
        [ActionDueTomorrow] = new(          DailyDigest, DailyDigest, DailyDigest, DailyDigest),
        [ActionOverdue] = new(              DailyDigest, DailyDigest, DailyDigest, DailyDigest),
        [FrictionIssueForMyTeam] = new(     InApp,       EmailNow,    DailyDigest, Off),
        [FrictionIssueMoved] = new(         InApp,       DailyDigest, DailyDigest, Off),
        [SignOffRequested] = new(           InApp,       EmailNow,    EmailNow,    Off),
        [ScorecardPublished] = new(         Off,         InApp,       InApp,       EmailNow),
        [Mentioned] = new(                  EmailNow,    EmailNow,    EmailNow,    EmailNow),
    };

    /// <summary>Every kind, in the order of the table.</summary>
    public static IReadOnlyList<NotificationKind> Kinds { get; } = [.. Table.Keys];

    public static NotificationChannel For(NotificationKind kind, IEnumerable<Role> roles)
    {
        if (!Table.TryGetValue(kind, out var row))
        {
            throw new DomainException("Choose what the notification is about.");
        }
        var told = roles.Select(role => role switch
        {
            Role.ChannelLead => row.ChannelLead,
            Role.CxLead => row.CxLead,
            Role.Executive => row.Executive,
            _ => row.Contributor,
        }).ToList();
        return told.Count == 0 ? row.Contributor : told.MaxBy(Strength);
    }

    /// <summary>How much a channel tells: the order in which several roles' defaults give way to each other.</summary>
    private static int Strength(NotificationChannel channel) => channel switch
    {
        EmailNow => 3,
        DailyDigest => 2,
        InApp => 1,
        _ => 0,
    };
}

using CxDashboard.Domain.Notifications;

namespace CxDashboard.Web.Features.Notifications;

/// <summary>What each kind of notification and each channel is called on the settings page and in the digest.</summary>
public static class NotificationKindText
{
    public static string Describe(NotificationKind kind) => kind switch
    {
        NotificationKind.FollowUpAssigned => "A detractor or complaint is given to me to follow up",
        NotificationKind.ActionAssigned => "An action is given to me",
        NotificationKind.DetractorInMyArea => "A detractor or complaint arrives in my channel or team",
        NotificationKind.FollowUpDueSoon => "A follow-up of mine is due within 4 hours",
        NotificationKind.FollowUpBreached => "A follow-up breached its deadline (mine, or escalated to me)",
        NotificationKind.ActionDueTomorrow => "An action of mine is due tomorrow",
        NotificationKind.ActionOverdue => "An action of mine is overdue",
        NotificationKind.FrictionIssueForMyTeam => "A friction issue is raised for my team or asks my team to contribute",
        NotificationKind.FrictionIssueMoved => "A friction issue of my team's moves on",
        NotificationKind.SignOffRequested => "My team is asked to sign off a metric",
        NotificationKind.ScorecardPublished => "A scorecard is published",
        NotificationKind.Mentioned => "Someone mentions me in a note",
        _ => kind.ToString(),
    };

    /// <summary>The heading of a kind's group in the digest.</summary>
    public static string Heading(NotificationKind kind) => kind switch
    {
        NotificationKind.FollowUpAssigned => "Follow-ups given to you",
        NotificationKind.ActionAssigned => "Actions given to you",
        NotificationKind.DetractorInMyArea => "Detractors and complaints in your area",
        NotificationKind.FollowUpDueSoon => "Follow-ups due soon",
        NotificationKind.FollowUpBreached => "Follow-ups past their deadline",
        NotificationKind.ActionDueTomorrow => "Actions due tomorrow",
        NotificationKind.ActionOverdue => "Overdue actions",
        NotificationKind.FrictionIssueForMyTeam => "Friction issues for your team",
        NotificationKind.FrictionIssueMoved => "Friction issues that moved",
        NotificationKind.SignOffRequested => "Sign-offs asked of your team",
        NotificationKind.ScorecardPublished => "Scorecards published",
        NotificationKind.Mentioned => "Mentions",
        _ => kind.ToString(),
    };

    public static string Name(NotificationChannel channel) => channel switch
    {
        NotificationChannel.InApp => "In the app",
        NotificationChannel.EmailNow => "E-mail now",
        NotificationChannel.DailyDigest => "Daily digest",
        _ => "Off",
    };
}

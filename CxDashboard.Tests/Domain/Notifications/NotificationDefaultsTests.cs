using CxDashboard.Domain.Notifications;
using CxDashboard.Domain.Organisation;

namespace CxDashboard.Tests.Domain.Notifications;

public sealed class NotificationDefaultsTests
{
    [Theory]
    [InlineData(Role.Contributor, NotificationChannel.InApp)]
    [InlineData(Role.ChannelLead, NotificationChannel.EmailNow)]
    [InlineData(Role.Executive, NotificationChannel.Off)]
    public void A_detractor_in_my_area_is_mailed_at_once_to_a_channel_lead_and_shown_in_the_app_to_a_contributor(Role role, NotificationChannel expected)
    {
        Assert.Equal(expected, NotificationDefaults.For(NotificationKind.DetractorInMyArea, [role]));
    }

    [Theory]
    [InlineData(Role.Executive, NotificationChannel.EmailNow)]
    [InlineData(Role.CxLead, NotificationChannel.InApp)]
    [InlineData(Role.Contributor, NotificationChannel.Off)]
    public void A_published_scorecard_is_mailed_to_executives_only(Role role, NotificationChannel expected)
    {
        Assert.Equal(expected, NotificationDefaults.For(NotificationKind.ScorecardPublished, [role]));
    }

    [Theory]
    [InlineData(NotificationKind.FollowUpAssigned)]
    [InlineData(NotificationKind.ActionAssigned)]
    [InlineData(NotificationKind.FollowUpBreached)]
    [InlineData(NotificationKind.Mentioned)]
    public void What_is_given_to_me_breached_or_mentions_me_is_mailed_at_once_whatever_my_role(NotificationKind kind)
    {
        Assert.All(Enum.GetValues<Role>(), role => Assert.Equal(NotificationChannel.EmailNow, NotificationDefaults.For(kind, [role])));
    }

    [Fact]
    public void Work_falling_due_waits_for_the_morning_digest()
    {
        Assert.Equal(NotificationChannel.DailyDigest, NotificationDefaults.For(NotificationKind.ActionDueTomorrow, [Role.Contributor]));
        Assert.Equal(NotificationChannel.InApp, NotificationDefaults.For(NotificationKind.FollowUpDueSoon, [Role.ChannelLead]));
    }

    [Fact]
    public void A_person_with_several_roles_is_told_the_most_any_of_them_says()
    {
        Assert.Equal(NotificationChannel.EmailNow, NotificationDefaults.For(NotificationKind.ScorecardPublished, [Role.Contributor, Role.Executive]));
        Assert.Equal(NotificationChannel.DailyDigest, NotificationDefaults.For(NotificationKind.FrictionIssueMoved, [Role.Contributor, Role.CxLead]));
    }

    [Fact]
    public void A_person_with_no_role_the_app_knows_is_told_as_a_contributor()
    {
        Assert.All(NotificationDefaults.Kinds, kind => Assert.Equal(NotificationDefaults.For(kind, [Role.Contributor]), NotificationDefaults.For(kind, [])));
    }

    [Fact]
    public void Every_kind_has_a_default()
    {
        Assert.Equal(Enum.GetValues<NotificationKind>().Order(), NotificationDefaults.Kinds.Order());
    }

    [Fact]
    public void A_notification_routed_to_the_digest_waits_for_it_instead_of_being_mailed_alone()
    {
        var notification = new Notification(1, NotificationKind.ActionOverdue, "An action is overdue", "/actions/1", new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), byEmail: true);

        notification.Route(NotificationChannel.DailyDigest);

        Assert.Equal((EmailStatus.NotSent, true), (notification.EmailStatus, notification.ForDigest));
    }

    [Fact]
    public void Without_e_mail_a_digest_choice_is_told_in_the_app_only()
    {
        var notification = new Notification(1, NotificationKind.ActionOverdue, "An action is overdue", "/actions/1", new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), byEmail: false);

        notification.Route(NotificationChannel.DailyDigest);

        Assert.Equal((EmailStatus.NotSent, false), (notification.EmailStatus, notification.ForDigest));
    }
}

using CxDashboard.Domain.Common;
using CxDashboard.Tests.Domain.Builders;

namespace CxDashboard.Tests.Domain.Common;

public class SlaClockTests
{
    private static readonly SlaClock FollowUp = new(Known.Now, SlaClock.DefaultFollowUp);

    [Fact]
    public void The_default_follow_up_allows_48_hours() =>
        Assert.Equal(Known.Now.AddHours(48), FollowUp.DueAt);

    [Fact]
    public void It_is_overdue_only_after_the_due_time()
    {
        Assert.False(FollowUp.IsOverdue(Known.Now.AddHours(47)));
        Assert.False(FollowUp.IsOverdue(Known.Now.AddHours(48)));
        Assert.True(FollowUp.IsOverdue(Known.Now.AddHours(48).AddMinutes(1)));
    }

    [Fact]
    public void Once_met_the_time_it_was_met_decides()
    {
        var muchLater = Known.Now.AddDays(10);

        Assert.False(FollowUp.IsOverdue(muchLater, metAt: Known.Now.AddHours(2)));
        Assert.True(FollowUp.IsOverdue(muchLater, metAt: Known.Now.AddHours(50)));
    }

    [Fact]
    public void The_remaining_time_goes_negative_when_late()
    {
        Assert.Equal(TimeSpan.FromHours(46), FollowUp.Remaining(Known.Now.AddHours(2)));
        Assert.Equal(TimeSpan.FromHours(-2), FollowUp.Remaining(Known.Now.AddHours(50)));
    }
}

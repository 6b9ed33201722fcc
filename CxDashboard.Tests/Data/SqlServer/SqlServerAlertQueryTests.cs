using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Organisation;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Data.SqlServer;

/// <summary>
/// The queries that decide who is told of what (the sweep's, a batch's recipients, a mention's person, the holders of a role
/// granted in the app or given by the identity provider, each person's choices) translate to SQL Server's SQL that parses.
/// </summary>
public sealed class SqlServerAlertQueryTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_sweep_the_recipients_of_a_batch_and_a_mentions_person_are_read_in_SQL_that_parses()
    {
        var server = new SqlServerWithoutServer();
        await using var db = server.CreateDbContext();
        var complaint = new FeedbackItem(new FeedbackDetails(Now.AddHours(-1), 1, null, FeedbackSource.Complaint, FeedbackCategory.Service,
            Sentiment.Negative, null, null, "The parcel never came.", null), null, Now);

        await NotificationSweep.FollowUpsDueQuery(db, Now).ToListAsync();
        await NotificationSweep.ActionsDueQuery(db, Now).ToListAsync();
        await NotificationEvents.DetractorsArrivedAsync(db, [(complaint, 1)], new AuditActor(null, "API key: Qualtrics"), Now, false, default);
        await NotificationMentions.DescribeAsync(db, [new NotificationMentions.Mention("cara", "a note on action #1", "/actions/1")],
            new AuditActor(1, "Dana Reid"), Now, false, default);
        await RoleHolders.Of(db, Role.Executive, Now).ToListAsync();
        await NotificationChoices.ForAsync(db, [1, 2], Now, default);

        var sent = server.TakeSent();
        Assert.Equal(6, sent.Count);
        Assert.All(sent, sql => Assert.Empty(TSql.Problems(sql)));
    }
}

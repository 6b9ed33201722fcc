using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Notifications;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Features.Notifications;

/// <summary><c>@handle</c> in a note tells that person, with a link to the item; names nobody has tell nobody.</summary>
public sealed class MentionNotificationTests : IAsyncLifetime
{
    private FeedbackData _data = null!;
    private AuditActor _dana = null!;

    public async Task InitializeAsync()
    {
        _data = await FeedbackData.CreateAsync();
        _dana = new AuditActor(_data.Dana, "Dana Reid");
    }

    public Task DisposeAsync() => _data.Database.DisposeAsync().AsTask();

    private async Task<List<Notification>> MentionedAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        return await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.Mentioned).OrderBy(n => n.Id).ToListAsync();
    }

    private async Task<int> ActionAsync()
    {
        await using var db = _data.Database.CreateDbContext();
        var action = new ActionItem("Staff the click and collect desk at lunchtime", null, _data.Eli, _data.DigitalTeam, new DateOnly(2026, 12, 4),
            2, 1, true, _data.Dana, FeedbackData.Now);
        db.Actions.Add(action);
        await db.SaveChangesAsync();
        return action.Id;
    }

    private async Task NoteAsync(int actionId, string text)
    {
        await using var db = _data.Database.CreateDbContext();
        (await db.Actions.SingleAsync(a => a.Id == actionId)).AddNote(_data.Dana, text, FeedbackData.Now);
        await db.SaveChangesAsync(_dana, _data.Clock);
    }

    [Fact]
    public async Task A_note_on_an_action_that_mentions_cara_tells_her_with_a_link_to_the_action_but_not_its_writer()
    {
        var id = await ActionAsync();

        await NoteAsync(id, "Can @cara cover Saturdays? I asked @dana too, and eli@example.com knows.");

        var told = Assert.Single(await MentionedAsync());
        Assert.Equal((_data.Cara, $"/actions/{id}", $"Dana Reid mentioned you in a note on action #{id}"), (told.RecipientPersonId, told.Link, told.Title));
    }

    [Fact]
    public async Task A_follow_up_note_that_mentions_finn_tells_him_without_repeating_the_note()
    {
        int id;
        await using (var db = _data.Database.CreateDbContext())
        {
            var item = new FeedbackItem(new FeedbackDetails(FeedbackData.Now.AddHours(-3), _data.Store, null, FeedbackSource.Complaint, FeedbackCategory.Service,
                Sentiment.Negative, null, null, "My order was lost.", null), _data.Cara, FeedbackData.Now);
            item.OpenFollowUp(_data.Dana, TimeSpan.FromHours(48), FeedbackData.Now);
            db.Feedback.Add(item);
            await db.SaveChangesAsync();
            id = item.Id;
        }

        await using (var db = _data.Database.CreateDbContext())
        {
            (await db.Feedback.SingleAsync(f => f.Id == id)).MarkContacted("Ann Lee wants a refund; @Finn please check the web order.", FeedbackData.Now);
            await db.SaveChangesAsync(_dana, _data.Clock);
        }

        var told = Assert.Single(await MentionedAsync());
        Assert.Equal((_data.Finn, $"/feedback/{id}"), (told.RecipientPersonId, told.Link));
        Assert.Equal($"Dana Reid mentioned you in a follow-up note on feedback #{id}", told.Title);
    }

    [Fact]
    public async Task A_note_naming_nobody_the_app_knows_tells_nobody_and_is_kept_as_written()
    {
        var id = await ActionAsync();

        await NoteAsync(id, "Ask @someone.else at head office.");

        Assert.Empty(await MentionedAsync());
        await using var db = _data.Database.CreateDbContext();
        Assert.Contains(await db.Set<ActionNote>().Where(n => n.ActionItemId == id).Select(n => n.Text).ToListAsync(),
            t => t == "Ask @someone.else at head office.");
    }
}

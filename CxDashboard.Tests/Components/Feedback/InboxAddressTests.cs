using Bunit;
using Bunit.TestDoubles;
using CxDashboard.Domain.Feedback;
using CxDashboard.Tests.Features.Feedback;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Components.Feedback;

public sealed class InboxAddressTests : FeedbackComponentTest
{
    protected override Task PrepareAsync()
    {
        SignInAs("Dana Reid", Roles.CxLead, Data.Dana, Data.StoresTeam);
        return Task.CompletedTask;
    }

    private BunitNavigationManager Navigation => (BunitNavigationManager)Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<FeedbackInbox> Open(string address)
    {
        Navigation.NavigateTo(address);
        var inbox = Render<FeedbackInbox>();
        inbox.WaitForAssertion(() => Assert.DoesNotContain("Loading feedback", inbox.Markup));
        return inbox;
    }

    private static List<string> Said(IRenderedComponent<FeedbackInbox> inbox) =>
        inbox.FindAll("td a.cx-clamp").Select(a => a.TextContent.Trim()).ToList();

    private static ViewQuery ExportLink(IRenderedComponent<FeedbackInbox> inbox)
    {
        var href = inbox.Find("a[download]").GetAttribute("href")!;
        Assert.StartsWith("/export/feedback.xlsx", href, StringComparison.Ordinal);
        return ViewQuery.FromUri(href);
    }

    private async Task AddParcelStoriesAsync()
    {
        await Data.Feedback().Saying("Parcel late again").Feeling(Sentiment.Negative).On(Data.Web).ReceivedAt(FeedbackData.Now.AddDays(-3)).AddAsync();
        await Data.Feedback().Saying("Parcel late twice").Feeling(Sentiment.Negative).On(Data.Web).ReceivedAt(FeedbackData.Now.AddDays(-1)).AddAsync();
        await Data.Feedback().Saying("Parcel late at the store").Feeling(Sentiment.Negative).On(Data.Store).AddAsync();
        await Data.Feedback().Saying("Parcel arrived early").Feeling(Sentiment.Positive).On(Data.Web).AddAsync();
    }

    [Fact]
    public async Task A_link_to_the_inbox_opens_with_its_filters_search_and_sort_and_exports_that_view()
    {
        await AddParcelStoriesAsync();

        var inbox = Open("/feedback?channel=web&sentiment=negative&q=late&sort=OldestFirst");

        Assert.Equal(["Parcel late again", "Parcel late twice"], Said(inbox));
        var export = ExportLink(inbox);
        Assert.Equal(Data.Web.ToString(System.Globalization.CultureInfo.InvariantCulture), export.Text("channel"));
        Assert.Equal("Negative", export.Text("sentiment"));
        Assert.Equal("late", export.Text("q"));
        Assert.Equal("OldestFirst", export.Text("sort"));
    }

    [Fact]
    public async Task Values_the_inbox_cannot_read_in_the_address_are_ignored_and_every_row_shows()
    {
        await AddParcelStoriesAsync();

        var inbox = Open("/feedback?sentiment=furious&channel=mars&from=last-week&issue=-4&linked=maybe&sort=7&after=not-a-row&page=zero");

        Assert.Equal(4, Said(inbox).Count);
        Assert.Contains("1–4 of 4", inbox.Markup);
        Assert.Equal("/export/feedback.xlsx", inbox.Find("a[download]").GetAttribute("href"));
    }

    [Fact]
    public async Task Clearing_the_filters_is_a_new_entry_in_the_history_and_going_back_shows_the_filtered_view_again()
    {
        await AddParcelStoriesAsync();
        var inbox = Open("/feedback?sentiment=Positive");
        Assert.Equal(["Parcel arrived early"], Said(inbox));

        inbox.FindAll("button").Single(b => b.TextContent.Contains("Clear filters")).Click();

        inbox.WaitForAssertion(() => Assert.Equal(4, Said(inbox).Count));
        Assert.Equal("http://localhost/feedback", Navigation.Uri);
        Assert.False(Navigation.History.First().Options.ReplaceHistoryEntry);

        // The browser's Back button: the location changes to the previous address.
        Navigation.NavigateTo("/feedback?sentiment=Positive");

        inbox.WaitForAssertion(() => Assert.Equal(["Parcel arrived early"], Said(inbox)));
    }

    [Fact]
    public async Task The_next_page_is_in_the_address_and_its_link_opens_the_same_rows()
    {
        for (var i = 1; i <= 55; i++)
        {
            await Data.Feedback().Saying($"Remark {i:D2}").ReceivedAt(FeedbackData.Now.AddMinutes(-i)).AddAsync();
        }
        var inbox = Open("/feedback?sentiment=Neutral");

        inbox.Find("button[aria-label='Next page']").Click();

        inbox.WaitForAssertion(() => Assert.Equal(["Remark 51", "Remark 52", "Remark 53", "Remark 54", "Remark 55"], Said(inbox)));
        Assert.Contains("51–55 of 55", inbox.Markup);
        var link = Navigation.Uri;
        var address = ViewQuery.FromUri(link);
        Assert.Equal("2", address.Text("page"));
        Assert.NotNull(address.Text("after"));
        Assert.Equal("Neutral", address.Text("sentiment"));
        Assert.Null(ExportLink(inbox).Text("after"));

        var reopened = Open(link);

        Assert.Equal(["Remark 51", "Remark 52", "Remark 53", "Remark 54", "Remark 55"], Said(reopened));
        Assert.Contains("51–55 of 55", reopened.Markup);

        reopened.Find("button[aria-label='Previous page']").Click();

        reopened.WaitForAssertion(() => Assert.Equal("Remark 01", Said(reopened)[0]));
        Assert.Equal("http://localhost/feedback?sentiment=Neutral", Navigation.Uri);
    }

    [Fact]
    public async Task Enter_in_the_search_box_searches_at_once_without_waiting_for_a_pause_in_typing()
    {
        await AddParcelStoriesAsync();
        var inbox = Open("/feedback");
        var label = inbox.FindAll("label").First(l => l.TextContent.Contains("Search what was said"));
        var search = inbox.Find($"#{label.GetAttribute("for")}");

        search.Input("early");
        search.KeyDown("Enter");

        // Straight after the key, well inside the 400 ms the box otherwise waits for typing to pause.
        Assert.Equal("early", ViewQuery.FromUri(Navigation.Uri).Text("q"));
        inbox.WaitForAssertion(() => Assert.Equal(["Parcel arrived early"], Said(inbox)));
    }
}

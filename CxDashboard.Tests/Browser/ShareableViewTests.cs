using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static CxDashboard.Tests.Browser.BrowserSteps;

namespace CxDashboard.Tests.Browser;

/// <summary>A view of a list is a link: the address holds it, another page opens it the same, and Back returns to the view before.</summary>
public sealed class ShareableViewTests(AppServerFixture app) : IClassFixture<AppServerFixture>, IDisposable
{
    public void Dispose() => app.AssertNoContentSecurityPolicyViolations();

    private static ILocator Rows(IPage page) => page.Locator("tbody tr a.cx-clamp");

    /// <summary>The feedback each row links to, once the page of rows has loaded: as many rows as the range below the list says.</summary>
    private static async Task<string[]> ShownFeedbackAsync(IPage page)
    {
        var range = page.GetByText(new Regex(@"^\s*(Matches )?[\d,]+–[\d,]+( of [\d,]+\+?|; more below)?\s*$"));
        await Assertions.Expect(range).ToBeVisibleAsync();
        var bounds = Regex.Match(await range.InnerTextAsync(), @"([\d,]+)–([\d,]+)");
        int Bound(int group) => int.Parse(bounds.Groups[group].Value.Replace(",", ""), CultureInfo.InvariantCulture);
        await Assertions.Expect(Rows(page)).ToHaveCountAsync(Bound(2) - Bound(1) + 1);
        return await Rows(page).EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
    }

    [BrowserFact]
    public async Task A_filtered_inbox_sent_as_its_address_shows_the_same_rows_and_Back_returns_to_the_view_before()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "Eleanor Hartley", "/feedback");
        var everything = await ShownFeedbackAsync(page);

        await ChooseAsync(page, "Sentiment", "Negative");
        await ExpectUrlAsync(page, new Regex(@"/feedback\?sentiment=Negative$"));
        await Assertions.Expect(page.Locator("tbody tr").Filter(new() { HasNotText = "Negative" })).ToHaveCountAsync(0);
        var negative = await ShownFeedbackAsync(page);

        await ChooseAsync(page, "Channel", "Stores");
        await ExpectUrlAsync(page, new Regex(@"/feedback\?sentiment=Negative&channel=\d+$"));
        await Assertions.Expect(page.Locator("tbody tr").Filter(new() { HasNotText = "Stores" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("tbody tr").Filter(new() { HasNotText = "Negative" })).ToHaveCountAsync(0);
        var negativeInStores = await ShownFeedbackAsync(page);
        Assert.NotEmpty(negativeInStores);
        Assert.NotEqual(negative, negativeInStores);
        var link = page.Url;
        await Accessibility.ScreenshotAsync(page, "views-01-filtered-inbox");

        // A colleague opens the link: same filters, same rows.
        var colleague = await app.NewPageAsync();
        await SignInAsync(colleague, "Eleanor Hartley", new Uri(link).PathAndQuery);
        Assert.Equal(link, colleague.Url);
        Assert.Equal(negativeInStores, await ShownFeedbackAsync(colleague));
        await Assertions.Expect(colleague.Locator("tbody tr").Filter(new() { HasNotText = "Stores" })).ToHaveCountAsync(0);

        // Back returns to each earlier view of the inbox in turn, and Forward to the later one.
        await page.GoBackAsync();
        await ExpectUrlAsync(page, new Regex(@"/feedback\?sentiment=Negative$"));
        await Assertions.Expect(Rows(page).First).ToHaveAttributeAsync("href", negative[0]);
        Assert.Equal(negative, await ShownFeedbackAsync(page));

        await page.GoBackAsync();
        await ExpectUrlAsync(page, new Regex(@"/feedback$"));
        await Assertions.Expect(Rows(page).First).ToHaveAttributeAsync("href", everything[0]);
        Assert.Equal(everything, await ShownFeedbackAsync(page));

        await page.GoForwardAsync();
        await ExpectUrlAsync(page, new Regex(@"/feedback\?sentiment=Negative$"));
        await Assertions.Expect(Rows(page).First).ToHaveAttributeAsync("href", negative[0]);
        Assert.Equal(negative, await ShownFeedbackAsync(page));
    }

    [BrowserFact]
    public async Task Enter_in_the_inbox_search_box_searches_and_the_next_page_is_a_link_too()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "Eleanor Hartley", "/feedback");

        var search = Field(page, "Search what was said");
        await search.FillAsync("store");
        await search.PressAsync("Enter");
        await ExpectUrlAsync(page, new Regex(@"/feedback\?q=store$"));
        var firstPage = await ShownFeedbackAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await ExpectUrlAsync(page, new Regex(@"/feedback\?q=store&after=\d+\.\d+(\.\d+)?&page=2$"));
        await Assertions.Expect(page.GetByText(new Regex(@"^\s*Matches 51–"))).ToBeVisibleAsync();
        await Assertions.Expect(Rows(page).First).Not.ToHaveAttributeAsync("href", firstPage[0]);
        var secondPage = await ShownFeedbackAsync(page);
        await Accessibility.ScreenshotAsync(page, "views-02-second-page-of-a-search");

        var reopened = await app.NewPageAsync();
        await SignInAsync(reopened, "Eleanor Hartley", new Uri(page.Url).PathAndQuery);
        await Assertions.Expect(reopened.GetByText(new Regex(@"^\s*Matches 51–"))).ToBeVisibleAsync();
        Assert.Equal(secondPage, await ShownFeedbackAsync(reopened));
    }
}

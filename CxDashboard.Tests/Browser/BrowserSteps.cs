using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CxDashboard.Tests.Browser;

/// <summary>The steps every browser journey repeats: signing in, waiting for the page to be live, choosing in a MudSelect.</summary>
public static class BrowserSteps
{
    /// <summary>Signs in with the development sign-in as the named demo person and lands on <paramref name="path"/>, interactive.</summary>
    public static async Task SignInAsync(IPage page, string person, string path)
    {
        await page.GotoAsync("/account/signin?returnUrl=" + Uri.EscapeDataString(path));
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(Regex.Escape(person)) }).ClickAsync();
        await ExpectPathAsync(page, path.Split('?')[0]);
        await WaitForInteractiveAsync(page);
    }

    /// <summary>
    /// Waits until the address bar shows <paramref name="path"/> (any query string). It reads the address until it
    /// matches instead of waiting for a navigation event: Blazor navigates inside the page, often before a click has
    /// even returned, and an event that came before the wait began would be missed.
    /// </summary>
    public static Task ExpectPathAsync(IPage page, string path) =>
        ExpectUrlAsync(page, new Regex(@"^https?://[^/]+" + Regex.Escape(path) + @"(\?[^#]*)?(#.*)?$"));

    /// <summary>Waits until the whole address matches <paramref name="url"/>, reading it until it does.</summary>
    public static Task ExpectUrlAsync(IPage page, Regex url) => Assertions.Expect(page).ToHaveURLAsync(url);

    /// <summary>Opens a page afresh and waits until it answers clicks and keeps what is typed.</summary>
    public static async Task GoToAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitForInteractiveAsync(page);
    }

    /// <summary>
    /// The layout marks &lt;main&gt; once the circuit has rendered it: before that the page is only prerendered
    /// and whatever is typed into it is lost. A page rendered without a circuit (the dashboard) is marked as it arrives.
    /// </summary>
    public static async Task WaitForInteractiveAsync(IPage page) =>
        await Assertions.Expect(page.Locator("main#main-content[data-interactive=true]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });

    /// <summary>The input labelled exactly <paramref name="label"/>, with or without the asterisk of a required field.</summary>
    public static ILocator Field(IPage page, string label) => Field(page.Locator("body"), label);

    public static ILocator Field(ILocator scope, string label) =>
        scope.GetByLabel(new Regex("^\\s*" + Regex.Escape(label) + "\\s*\\*?\\s*$"));

    /// <summary>
    /// Opens the MudSelect labelled <paramref name="label"/> (within <paramref name="scope"/>, or the page), clicks
    /// each option named, and closes the list again.
    /// </summary>
    public static async Task ChooseAsync(IPage page, string label, params string[] options) =>
        await ChooseAsync(page, page.Locator("body"), label, options);

    public static async Task ChooseAsync(IPage page, ILocator scope, string label, params string[] options)
    {
        var labelPattern = new Regex("^\\s*" + Regex.Escape(label) + "\\s*\\*?\\s*$");
        var select = scope.Locator(".mud-select")
            .Filter(new() { Has = page.Locator("label").Filter(new() { HasTextRegex = labelPattern }) })
            .First;
        await select.Locator(".mud-input").First.ClickAsync();
        var list = page.Locator(".mud-popover-open");
        await Assertions.Expect(list).ToHaveCountAsync(1);
        foreach (var option in options)
        {
            var item = list.Locator(".mud-list-item")
                .Filter(new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(option) + "\\s*$") })
                .First;
            await item.ClickAsync();
        }
        // A single choice closes the list; a multiple one stays open until Escape, or a click outside it.
        // Escape reaches the list only while it holds the focus, which a re-render on a busy machine can take
        // away, and one click outside can land before the list listens: each way is tried until the list is
        // seen closed, a bounded number of times.
        Func<Task>[] closers =
        [
            () => page.Keyboard.PressAsync("Escape"),
            // Forced: the click lands where the heading is, on the list's overlay if there is one.
            () => page.Locator("h1").First.ClickAsync(new() { Force = true }),
            async () =>
            {
                await select.Locator(".mud-input").First.FocusAsync();
                await page.Keyboard.PressAsync("Escape");
            },
        ];
        for (var attempt = 0; attempt < 6 && await list.CountAsync() > 0; attempt++)
        {
            await closers[attempt % closers.Length]();
            if (await ClosedAsync(list))
            {
                break;
            }
        }
        await Assertions.Expect(list).ToHaveCountAsync(0);
    }

    private static async Task<bool> ClosedAsync(ILocator list)
    {
        try
        {
            await Assertions.Expect(list).ToHaveCountAsync(0, new() { Timeout = 1_500 });
            return true;
        }
        catch (PlaywrightException)
        {
            return false;
        }
    }
}

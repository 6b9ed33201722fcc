using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static CxDashboard.Tests.Browser.BrowserSteps;

namespace CxDashboard.Tests.Browser;

/// <summary>A tab left open keeps no rights its person has lost, and says so instead of breaking.</summary>
public sealed class AccessChangeTests(AppServerFixture app) : IClassFixture<AppServerFixture>
{
    [BrowserFact]
    public async Task Open_tab_of_a_contributor_whose_grant_is_revoked_says_their_access_changed()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page, "Tom Baxter", "/feedback");

        await using (var db = app.CreateDbContext())
        {
            var tom = await db.People.SingleAsync(p => p.DisplayName == "Tom Baxter" && p.Subject!.StartsWith(UserDirectory.DemoSubjectPrefix));
            await db.RoleGrants.Where(g => g.PersonId == tom.Id).ExecuteDeleteAsync();
        }

        await ExpectPathAsync(page, "/account/access-changed");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your access has changed" })).ToBeVisibleAsync();
        await Accessibility.ScreenshotAsync(page, "access-changed");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in again" }).ClickAsync();
        await ExpectPathAsync(page, "/account/signin");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("returnUrl=%2Ffeedback"));
    }
}

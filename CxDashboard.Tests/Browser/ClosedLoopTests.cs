using System.Globalization;
using System.Text.RegularExpressions;
using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Friction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static CxDashboard.Tests.Browser.BrowserSteps;

namespace CxDashboard.Tests.Browser;

/// <summary>
/// The closed loop in a real browser: a detractor's words reach the lead who owns the follow-up, become a
/// friction issue with an action for another team, and the issue is closed once the customer is told.
/// </summary>
public sealed class ClosedLoopTests(AppServerFixture app) : IClassFixture<AppServerFixture>, IDisposable
{
    public void Dispose() => app.AssertNoContentSecurityPolicyViolations();

    [BrowserFact]
    public async Task A_detractors_feedback_becomes_a_friction_issue_whose_action_is_done_by_another_team_and_the_loop_is_closed()
    {
        var marker = "kiosk" + Guid.NewGuid().ToString("N")[..8];
        var verbatim = $"Waited forty minutes at the collection desk and the {marker} screen said my order was lost.";
        var issueTitle = $"Click & collect orders not found at the desk ({marker})";
        var actionTitle = $"Send collection codes the desk can scan ({marker})";

        // Grace Okafor, on the shop floor in Stores, records an NPS 2 from a customer.
        var grace = await app.NewPageAsync();
        await SignInAsync(grace, "Grace Okafor", "/feedback/new");
        await Assertions.Expect(grace.GetByRole(AriaRole.Button, new() { Name = "Record feedback" })).ToBeEnabledAsync();
        await ChooseAsync(grace, "Channel", "Stores");
        await ChooseAsync(grace, "Journey stage", "Receive / collect");
        await ChooseAsync(grace, "Source", "Survey");
        await ChooseAsync(grace, "Category", "Service");
        await ChooseAsync(grace, "Score scale", "NPS (0–10)");
        var score = Field(grace, "Score");
        await Assertions.Expect(score).ToBeEnabledAsync();
        await score.FillAsync("2");
        await score.PressAsync("Tab");
        await Field(grace, "What was said").FillAsync(verbatim);
        await Assertions.Expect(grace.Locator(".suggested-sentiment")).ToContainTextAsync("Negative");
        await Accessibility.ScreenshotAsync(grace, "loop-01-record-feedback");
        await Accessibility.AssertNoSeriousViolationsAsync(grace);

        await grace.GetByRole(AriaRole.Button, new() { Name = "Record feedback" }).ClickAsync();
        var confirmation = grace.Locator(".mud-alert").Filter(new() { HasText = "is recorded" });
        await Assertions.Expect(confirmation).ToContainTextAsync("It needs a follow-up: Priya Shah owns it");
        var feedbackId = int.Parse(Regex.Match(await confirmation.InnerTextAsync(), @"Feedback #(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        DateTime dueAt;
        await using (var db = app.CreateDbContext())
        {
            var recorded = await db.Feedback.AsNoTracking().SingleAsync(f => f.Id == feedbackId);
            Assert.Equal(verbatim, recorded.Verbatim);
            dueAt = recorded.FollowUpDueAt!.Value;
        }
        await Assertions.Expect(confirmation).ToContainTextAsync(
            "must contact the customer by " + dueAt.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " UTC");
        await Accessibility.ScreenshotAsync(grace, "loop-02-recorded");
        await Accessibility.AssertNoSeriousViolationsAsync(grace);

        // Priya Shah, lead of Stores, finds it among her follow-ups.
        var priya = await app.NewPageAsync();
        await SignInAsync(priya, "Priya Shah", "/feedback/follow-ups");
        var followUp = priya.Locator("tr").Filter(new() { Has = priya.Locator($"a[href='/feedback/{feedbackId}']") });
        await Assertions.Expect(followUp).ToHaveCountAsync(1);
        await Assertions.Expect(followUp).ToContainTextAsync("Priya Shah");
        await Assertions.Expect(followUp).ToContainTextAsync("NPS 2");
        await Accessibility.ScreenshotAsync(priya, "loop-03-my-follow-ups");
        await Accessibility.AssertNoSeriousViolationsAsync(priya);

        // From the inbox, searched by the verbatim's unusual word, she raises a friction issue from it.
        await GoToAsync(priya, "/feedback?q=" + marker);
        var inboxRow = priya.Locator("tbody tr").Filter(new() { Has = priya.Locator($"a[href='/feedback/{feedbackId}']") });
        await Assertions.Expect(inboxRow).ToHaveCountAsync(1);
        await Assertions.Expect(priya.Locator("tbody tr").Filter(new() { HasText = marker })).ToHaveCountAsync(1);
        await inboxRow.GetByRole(AriaRole.Checkbox).CheckAsync();
        var create = priya.GetByRole(AriaRole.Button, new() { Name = "Create friction issue from 1" });
        await Assertions.Expect(create).ToBeEnabledAsync();
        await Accessibility.ScreenshotAsync(priya, "loop-04-inbox-selected");
        await Accessibility.AssertNoSeriousViolationsAsync(priya);
        await create.ClickAsync();

        await ExpectUrlAsync(priya, new Regex($@"/friction/new\?feedback={feedbackId}$"));
        await Assertions.Expect(priya.GetByText("Raised from 1 feedback item")).ToBeVisibleAsync();
        await Assertions.Expect(priya.GetByText(verbatim)).ToBeVisibleAsync();
        await Field(priya, "Title").FillAsync(issueTitle);
        await Field(priya, "Description").FillAsync("Customers arrive to collect and the desk cannot find the order.");
        await ChooseAsync(priya, "Journey stage", "Receive / collect");
        await ChooseAsync(priya, "Channels it spans", "Website"); // Stores is already chosen from the feedback.
        await ChooseAsync(priya, "Category", "Service");
        await ChooseAsync(priya, "Severity", "3 · Serious");
        await ChooseAsync(priya, "Owner", "Priya Shah");
        await Assertions.Expect(priya.GetByText("Cross-channel")).ToBeVisibleAsync();
        await Accessibility.ScreenshotAsync(priya, "loop-05-new-issue");
        await Accessibility.AssertNoSeriousViolationsAsync(priya);
        await priya.GetByRole(AriaRole.Button, new() { Name = "Raise the issue" }).ClickAsync();

        await ExpectUrlAsync(priya, new Regex(@"/friction/\d+$"));
        var issueId = int.Parse(new Uri(priya.Url).Segments[^1], CultureInfo.InvariantCulture);
        await Assertions.Expect(priya.Locator("h1")).ToHaveTextAsync(issueTitle);
        var status = priya.Locator(".mud-chip").First;
        await Assertions.Expect(status).ToHaveTextAsync("New");

        // She gives E-commerce an action: Daniel Reyes owns it.
        await priya.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        var actionForm = priya.Locator(".mud-paper").Filter(new() { Has = priya.GetByRole(AriaRole.Button, new() { Name = "Add the action" }) }).Last;
        await ChooseAsync(priya, actionForm, "Team", "E-commerce");
        await ChooseAsync(priya, actionForm, "Owner", "Daniel Reyes");
        var whatNeedsDoing = Field(actionForm, "What needs doing");
        await whatNeedsDoing.FillAsync(actionTitle);
        await Accessibility.ScreenshotAsync(priya, "loop-06-add-action");
        await Accessibility.AssertNoSeriousViolationsAsync(priya);
        await whatNeedsDoing.PressAsync("Enter"); // Enter in a one-line field adds the action, as the button does.
        var actionRow = priya.Locator("tr").Filter(new() { Has = priya.GetByRole(AriaRole.Link, new() { Name = actionTitle }) });
        await Assertions.Expect(actionRow).ToContainTextAsync("Daniel Reyes");
        await Assertions.Expect(actionRow).ToContainTextAsync("E-commerce");
        await Assertions.Expect(actionRow).ToContainTextAsync("Open");

        // Daniel Reyes, in his own session, marks it done from My actions.
        var daniel = await app.NewPageAsync();
        await SignInAsync(daniel, "Daniel Reyes", "/actions");
        var mine = daniel.Locator("tr").Filter(new() { Has = daniel.GetByRole(AriaRole.Link, new() { Name = actionTitle }) });
        await Assertions.Expect(mine).ToHaveCountAsync(1);
        await Accessibility.ScreenshotAsync(daniel, "loop-07-my-actions");
        await Accessibility.AssertNoSeriousViolationsAsync(daniel);
        await mine.GetByRole(AriaRole.Button, new() { Name = $"Done: {actionTitle}", Exact = true }).ClickAsync();
        await Assertions.Expect(mine).ToHaveCountAsync(0); // My actions shows open ones only, by default.
        await daniel.GetByLabel("Open only").First.UncheckAsync();
        await Assertions.Expect(mine).ToHaveCountAsync(1);
        await Assertions.Expect(mine).ToContainTextAsync("Done");

        // Priya takes the issue through to resolved, records who was told and closes the loop.
        await GoToAsync(priya, $"/friction/{issueId}");
        await Assertions.Expect(actionRow).ToContainTextAsync("Done");
        await priya.GetByRole(AriaRole.Button, new() { Name = "Triage", Exact = true }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Triaged");
        await priya.GetByRole(AriaRole.Button, new() { Name = "Start work", Exact = true }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("In progress");
        await priya.GetByRole(AriaRole.Button, new() { Name = "Resolve…", Exact = true }).ClickAsync();
        await Field(priya, "Resolution").FillAsync("Collection codes are sent by text and scanned at the desk.");
        await priya.GetByRole(AriaRole.Button, new() { Name = "Resolve", Exact = true }).ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Resolved");
        var close = priya.GetByRole(AriaRole.Button, new() { Name = "Close the loop" });
        await Assertions.Expect(close).ToBeDisabledAsync();
        await Assertions.Expect(priya.GetByTestId("check-missing")).ToContainTextAsync("telling the customers");

        await priya.GetByLabel("Customers", new() { Exact = true }).CheckAsync();
        await priya.GetByLabel("Front-line staff", new() { Exact = true }).CheckAsync();
        await Field(priya, "How they were told").FillAsync("Text to the customer; store briefing in Manchester");
        await priya.GetByRole(AriaRole.Button, new() { Name = "Record who was told" }).ClickAsync();
        await Assertions.Expect(priya.GetByText("Customers and front-line staff told on")).ToBeVisibleAsync();
        await Assertions.Expect(priya.GetByTestId("check-missing")).ToHaveCountAsync(0);
        await Assertions.Expect(priya.GetByTestId("check-done")).ToHaveCountAsync(4);
        await Assertions.Expect(priya.Locator("#closing-checklist")).ToContainTextAsync("ready to close");
        await Accessibility.ScreenshotAsync(priya, "loop-08-ready-to-close");
        await Accessibility.AssertNoSeriousViolationsAsync(priya);

        await close.ClickAsync();
        await Assertions.Expect(status).ToHaveTextAsync("Closed");
        await Assertions.Expect(priya.Locator("#closing-checklist")).ToHaveCountAsync(0);
        await Accessibility.ScreenshotAsync(priya, "loop-09-closed");
        await Accessibility.AssertNoSeriousViolationsAsync(priya);

        await using (var db = app.CreateDbContext())
        {
            var issue = await db.FrictionIssues.AsNoTracking().SingleAsync(i => i.Id == issueId);
            Assert.Equal(FrictionStatus.Closed, issue.Status);
            var stores = await db.Teams.AsNoTracking().SingleAsync(t => t.Name == "Stores");
            Assert.Equal(stores.Id, issue.OwningTeamId);

            var action = await db.Actions.AsNoTracking().SingleAsync(a => a.FrictionIssueId == issueId);
            var danielReyes = await db.People.AsNoTracking().SingleAsync(p => p.DisplayName == "Daniel Reyes");
            var ecommerce = await db.Teams.AsNoTracking().SingleAsync(t => t.Name == "E-commerce");
            Assert.Equal(actionTitle, action.Title);
            Assert.Equal(ActionStatus.Done, action.Status);
            Assert.Equal(danielReyes.Id, action.OwnerPersonId);
            Assert.Equal(ecommerce.Id, action.TeamId);

            var feedback = await db.Feedback.AsNoTracking().SingleAsync(f => f.Id == feedbackId);
            var priyaShah = await db.People.AsNoTracking().SingleAsync(p => p.DisplayName == "Priya Shah");
            Assert.Equal(issueId, feedback.FrictionIssueId);
            Assert.Equal(priyaShah.Id, feedback.FollowUpOwnerPersonId);
        }
    }
}

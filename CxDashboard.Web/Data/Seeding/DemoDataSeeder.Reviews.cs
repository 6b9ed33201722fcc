using System.Globalization;
using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Governance;

namespace CxDashboard.Web.Data.Seeding;

public sealed partial class DemoDataSeeder
{
    private const int ReviewSeed = 9_001;

    private static readonly string[] CouncilTeams = ["stores", "ecommerce", "app", "contact-centre", "marketing", "supply-chain", "product"];

    private static readonly string[] CouncilDecisions =
    [
        "Click & collect readiness is owned by Stores, with Supply chain contributing; Priya Shah reports progress monthly.",
        "Online stock accuracy will be measured with a weekly sample before anyone commits to a target.",
        "Approved an eight-week trial of weekend social media cover by the contact centre.",
        "The returns journey will be mapped end to end; Supply chain leads, Stores and E-commerce contribute.",
        "Detractor follow-ups older than 48 hours are reviewed at every council until fewer than 5% are overdue.",
        "Advisers get read access to store transactions; Product to scope the change and report back next month.",
        "No app release changes the basket without a migration test on real saved baskets.",
        "Delivery cost will be shown in the basket on web and app; E-commerce leads the change.",
        "Store managers receive their store's NPS verbatims every Monday from next month.",
        "The mystery shopper score retires when the contract ends; NPS and CSAT per store replace it.",
        "Quick wins under a week of effort can start without council approval and are reported here.",
        "Marketplace orders join the delivery promise metric from next quarter, subject to sign-off.",
        "Contact centre rotas will follow the Monday demand peak; HR supports recruiting part-time advisers.",
        "Customer effort questions are added to the returns survey.",
    ];

    private static readonly string[] ExecutiveDecisions =
    [
        "Funding approved for the store availability refresh; Product to deliver within two sprints.",
        "Click & collect ready time becomes a shared objective for Stores and Supply chain next quarter.",
        "A deep dive on returns is requested for the next executive review.",
        "Quick wins delivered will be reported alongside the scorecard every quarter.",
        "App stability becomes a release gate: no release below 99.5% crash-free sessions in beta.",
        "Two additional advisers approved for Monday mornings.",
        "The NPS target for next year is confirmed at +40 in total.",
    ];

    private static readonly (string Title, string Team)[] ReviewActions =
    [
        ("Share store-level NPS verbatims with store managers weekly", "stores"),
        ("Bring a costed plan for weekend social cover to the next council", "marketing"),
        ("Map the returns journey end to end", "supply-chain"),
        ("Add first-contact resolution to the daily huddle board", "contact-centre"),
        ("Review delivery promise wording on product pages", "ecommerce"),
        ("Publish the quarterly scorecard on the intranet", "marketing"),
        ("Agree a single definition of an active customer", "marketing"),
        ("Run a day-in-the-life session for head office teams in the Leeds store", "hr"),
        ("Check app release notes explain basket changes", "app"),
        ("Propose a stock accuracy metric to the council", "product"),
        ("Train store colleagues on the online order lookup", "hr"),
        ("Set up a monthly carrier performance review", "supply-chain"),
        ("Include marketplace sellers in the delivery promise metric", "ecommerce"),
        ("Report complaints by journey stage to the executive review", "contact-centre"),
        ("Add click & collect ready time to the store managers' dashboard", "stores"),
        ("Test a call-back option in the phone queue", "contact-centre"),
        ("Interview ten detractors about checkout", "product"),
        ("Review accessibility of the app checkout", "app"),
        ("Update the complaint handling guide with the 48-hour follow-up rule", "contact-centre"),
        ("Brief executives on the top five friction issues", "marketing"),
    ];

    private static readonly (string Title, string Team, bool QuickWin)[] StandaloneActions =
    [
        ("Put the returns policy on till receipts", "stores", true),
        ("Fix the dead link to the size guide in order e-mails", "ecommerce", true),
        ("Add opening hours to the app's store finder", "app", true),
        ("Sign social replies with the adviser's first name", "marketing", true),
        ("Shorten the post-call survey to three questions", "contact-centre", false),
        ("Add a \"where is my order\" link to the delivery text", "supply-chain", true),
        ("Refresh the customer service training module", "hr", false),
        ("Review the care labels for the knitwear range", "product", false),
        ("Replace faded click & collect signs in five stores", "stores", true),
        ("Add the NPS trend to the weekly trading pack", "marketing", true),
        ("Clean up duplicate customer records before the loyalty relaunch", "marketing", false),
        ("Measure click & collect counter waits for two weeks", "stores", false),
    ];

    private async Task SeedReviewsAsync(CxDbContext db, DemoState state, CancellationToken cancellationToken)
    {
        var random = new Random(ReviewSeed);
        var reviews = new List<Review>();

        var council = 0;
        for (var month = Period.Month(state.Origin.Year, state.Origin.Month); month.Start <= state.Today; month = month.Next)
        {
            var heldOn = SecondTuesday(month);
            if (heldOn > state.Today)
            {
                continue;
            }
            var teams = council % 3 == 0 ? [.. CouncilTeams, "hr"] : CouncilTeams;
            var review = new Review(ReviewKind.MonthlyCxCouncil,
                "CX council, " + month.Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture), heldOn,
                teams.Select(t => state.Teams[t].Id), state.CxLead.Id);
            review.WriteNotes("Reviewed overdue follow-ups, the friction issues in progress and metric sign-offs waiting for answers. "
                + "Each channel lead gave a two-minute update on their top customer problem.");
            var at = heldOn.ToDateTime(new TimeOnly(11, 30), DateTimeKind.Utc);
            review.RecordDecision(CouncilDecisions[council * 2 % CouncilDecisions.Length], state.CxLead.Id, at);
            if (council % 2 == 1)
            {
                review.RecordDecision(CouncilDecisions[(council * 2 + 1) % CouncilDecisions.Length], state.CxLead.Id, at.AddMinutes(20));
            }
            reviews.Add(review);
            council++;
        }

        for (var q = 0; q < state.Quarters.Count - 1; q++)
        {
            var quarter = state.Quarters[q];
            var heldOn = quarter.End.AddDays(15);
            if (heldOn > state.Today)
            {
                continue;
            }
            var review = new Review(ReviewKind.QuarterlyExecutiveReview, $"Executive review, {quarter}", heldOn,
                state.Teams.Values.Select(t => t.Id), state.Executive.Id);
            review.WriteNotes($"The {quarter} scorecard, the quick wins delivered and the three most severe open friction issues.");
            var at = heldOn.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc);
            review.RecordDecision($"The {quarter} scorecard was reviewed and published.", state.Executive.Id, at);
            review.RecordDecision(ExecutiveDecisions[q % ExecutiveDecisions.Length], state.Executive.Id, at.AddMinutes(30));
            reviews.Add(review);
        }
        db.Reviews.AddRange(reviews);
        await db.SaveChangesAsync(cancellationToken);

        var actions = new List<ActionItem>();
        var next = 0;
        for (var r = 0; r < reviews.Count; r++)
        {
            var review = reviews[r];
            if (review.Kind == ReviewKind.MonthlyCxCouncil && r % 2 == 1)
            {
                continue;
            }
            var (title, team) = ReviewActions[next % ReviewActions.Length];
            var owner = OwnerFor(state, team, next);
            var createdAt = review.HeldOn.ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc);
            var action = new ActionItem(title, $"Agreed at {review.Title}.", owner.Id, state.Teams[team].Id,
                review.HeldOn.AddDays(30 + random.Next(30)), 1 + next % 3, 1 + (next + 1) % 3, quickWin: next % 5 == 0,
                review.ChairPersonId, createdAt, reviewId: review.Id);
            Progress(action, owner.Id, createdAt, next, state, random);
            actions.Add(action);
            next++;
        }

        for (var j = 0; j < StandaloneActions.Length; j++)
        {
            var (title, team, quickWin) = StandaloneActions[j];
            var owner = OwnerFor(state, team, j + 1);
            var createdAt = state.Now.AddDays(-(10 + j * 25)).Date.AddHours(10);
            var action = new ActionItem(title, null, owner.Id, state.Teams[team].Id, DateOnly.FromDateTime(createdAt.AddDays(quickWin ? 7 : 45)),
                quickWin ? 2 : 1 + j % 3, quickWin ? 1 : 2 + j % 2, quickWin, state.LeadOf(team).Id, createdAt);
            if (quickWin && j < 4)
            {
                // Quick wins finished this quarter, for the executives' view.
                var quarterStart = state.CurrentQuarter.StartUtc;
                var midQuarter = quarterStart + (state.Now - quarterStart) / 2;
                action.Start(owner.Id, createdAt.AddHours(2));
                action.Complete(owner.Id, createdAt.AddHours(3) > midQuarter ? createdAt.AddHours(3) : midQuarter, "Done; colleagues told at the morning huddle.");
            }
            else
            {
                Progress(action, owner.Id, createdAt, j + 3, state, random);
            }
            actions.Add(action);
        }
        db.Actions.AddRange(actions);
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Seeded {Reviews} reviews and {Actions} actions from reviews and on their own", reviews.Count, actions.Count);
    }

    /// <summary>Moves an action on as far as its age allows: old ones are finished, recent ones open or under way.</summary>
    private static void Progress(ActionItem action, int ownerId, DateTime createdAt, int index, DemoState state, Random random)
    {
        var age = state.Now - createdAt;
        if (age < TimeSpan.FromDays(3))
        {
            return;
        }
        var step = createdAt.AddDays(Math.Min(5, age.TotalDays / 3));
        if (age > TimeSpan.FromDays(60))
        {
            if (index % 7 == 3)
            {
                action.Cancel("Superseded by a wider change agreed at the CX council.", ownerId, step.AddDays(10));
                return;
            }
            if (index % 11 == 5)
            {
                // Forgotten: still open long after its due date.
                return;
            }
            action.Start(ownerId, step);
            action.AddNote(ownerId, ProgressNotes[index % ProgressNotes.Length], step.AddDays(5));
            action.Complete(ownerId, step.AddDays(10 + random.Next(20)), "Done.");
            return;
        }
        switch (index % 4)
        {
            case 0:
                return;
            case 1:
                action.Start(ownerId, step);
                action.AddNote(ownerId, ProgressNotes[index % ProgressNotes.Length], Earlier(step.AddDays(2), state.Now.AddHours(-1)));
                return;
            case 2:
                action.Start(ownerId, step);
                action.Block(BlockedReasons[index % BlockedReasons.Length], ownerId, Earlier(step.AddDays(2), state.Now.AddHours(-1)));
                return;
            default:
                action.Start(ownerId, step);
                action.Complete(ownerId, Earlier(step.AddDays(7), state.Now.AddHours(-1)), "Done.");
                return;
        }
    }

    private static DateOnly SecondTuesday(Period month)
    {
        var first = month.Start;
        var offset = ((int)DayOfWeek.Tuesday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7);
    }
}

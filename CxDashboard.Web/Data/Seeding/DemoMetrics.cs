using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Metrics;

namespace CxDashboard.Web.Data.Seeding;

/// <summary>Where a demo metric stands in its lifecycle today.</summary>
internal enum DemoMetricFate
{
    Agreed,
    /// <summary>Agreed, then changed: revision 2 waits for sign-off while revision 1 stays in force.</summary>
    AgreedWithPendingRevision,
    /// <summary>Proposed; some teams signed off, one objected.</summary>
    ProposedWithObjection,
    /// <summary>Proposed; some teams signed off, the rest have not answered yet.</summary>
    Proposed,
    Draft,
    /// <summary>Agreed before the history starts and retired halfway through it.</summary>
    Retired,
}

/// <summary>
/// One shared metric of the demo retailer and how its values behave: a starting level, a gentle
/// trend per quarter, noise, channels ahead of or behind the total, and targets set a little ahead
/// of the trend so that the RAG status is mixed. Offsets and steps are in the metric's unit, signed.
/// </summary>
internal sealed record DemoMetric(
    string Code,
    string Name,
    MetricDimension Dimension,
    MetricUnit Unit,
    Direction Direction,
    Aggregation Aggregation,
    ScoreScale? ComputedFrom,
    string OwnerEmailUser,
    string TeamCode,
    string[] StakeholderTeams,
    string[] Channels,
    string Description,
    string Formula,
    string DataSource,
    double Start,
    double Step,
    double Noise,
    double TargetAhead,
    double Tolerance,
    (string Channel, double Offset)[] ChannelOffsets,
    string[] ChannelTargets,
    DemoMetricFate Fate = DemoMetricFate.Agreed,
    int AgreedInQuarter = 0,
    bool Sampled = false,
    bool AlsoMonthly = false,
    string[]? Drivers = null)
{
    public PeriodKind Cadence => PeriodKind.Quarter;

    public double OffsetFor(string? channel)
    {
        if (channel is null)
        {
            return 0;
        }
        foreach (var (code, offset) in ChannelOffsets)
        {
            if (code == channel)
            {
                return offset;
            }
        }
        return 0;
    }

    /// <summary>The value the trend alone predicts for a quarter (0 = the oldest of the eight) and channel.</summary>
    public double Expected(int quarterIndex, string? channel) => Start + OffsetFor(channel) + Step * quarterIndex;

    public double Clamp(double value)
    {
        var (min, max) = MetricUnitRules.RangeOf(Unit);
        var upper = max == double.MaxValue ? double.MaxValue : max - 0.1;
        return Math.Round(Math.Clamp(value, min + (min == 0 ? 0 : 0.05), upper), Unit == MetricUnit.NpsScore ? 0 : 2);
    }
}

internal static class DemoMetrics
{
    private static readonly string[] AllChannels = ["store", "website", "app", "contact-centre", "social", "marketplace"];
    private static readonly string[] Online = ["website", "app", "marketplace"];

    public static readonly DemoMetric[] All =
    [
        new("NPS", "Net Promoter Score", MetricDimension.Advocacy, MetricUnit.NpsScore, Direction.HigherIsBetter,
            Aggregation.WeightedBySample, ScoreScale.Nps, "eleanor.hartley", "marketing",
            ["stores", "ecommerce", "app", "contact-centre", "product"],
            ["store", "website", "app", "contact-centre", "marketplace"],
            "How likely customers are to recommend Hartwell & Finch to a friend or colleague, asked after a purchase, a delivery or a contact.",
            "% of promoters (9–10) − % of detractors (0–6) among NPS survey answers in the period.",
            "Post-purchase and post-contact surveys (Qualtrics), recorded as feedback in this app.",
            28, 1.5, 0, 1.5, 3, [], ["store", "app"],
            Drivers: ["Promoters mention friendly staff and easy returns more than anything else.",
                "Detractors cluster around delivery delays and click & collect waits."]),

        new("CSAT", "Customer satisfaction", MetricDimension.EffortSatisfaction, MetricUnit.Percent, Direction.HigherIsBetter,
            Aggregation.WeightedBySample, ScoreScale.Csat, "fiona.campbell", "contact-centre",
            ["stores", "ecommerce", "app"],
            ["store", "website", "app", "contact-centre"],
            "Share of customers satisfied with a specific interaction: a store visit, an online order, an app session or a call.",
            "Answers of 4 or 5 to \"How satisfied were you?\" (1–5) ÷ all answers × 100.",
            "Transactional CSAT surveys, recorded as feedback in this app.",
            79, 0.7, 0, 0.8, 2, [], ["contact-centre"],
            Drivers: ["Satisfaction after calls rose once advisers could see store purchases.",
                "The app's checkout redesign lifted satisfaction in the second half of the quarter."]),

        new("CES", "Customer effort score", MetricDimension.EffortSatisfaction, MetricUnit.RatingOutOf7, Direction.HigherIsBetter,
            Aggregation.WeightedBySample, ScoreScale.Ces, "isabel.moreno", "product",
            ["ecommerce", "app", "contact-centre"],
            ["website", "app", "contact-centre"],
            "How easy customers found it to get done what they came to do: buy, track an order, return or get help.",
            "Mean answer to \"How easy was it to …?\" on a 1–7 scale, 7 = very easy.",
            "CES question in checkout, returns and post-contact surveys.",
            5.4, 0.03, 0, 0.03, 0.2, [], ["app"],
            Drivers: ["Returns are the hardest task customers report.",
                "Saved baskets across web and app removed a common source of effort."]),

        new("CONV", "Conversion rate", MetricDimension.Operational, MetricUnit.Percent, Direction.HigherIsBetter,
            Aggregation.Average, null, "daniel.reyes", "ecommerce",
            ["stores", "app", "marketing"],
            ["store", "website", "app", "marketplace"],
            "Share of visits that end in a purchase: sessions online, footfall in store.",
            "Orders ÷ visits × 100, per channel; the total weights channels by visits.",
            "Web and app analytics (sessions), store footfall counters, order management system.",
            9.5, 0.15, 0.35, 0.3, 0.5, [("store", 14), ("website", -6.6), ("app", -5.4), ("marketplace", -3)], ["website", "app"],
            AlsoMonthly: true,
            Drivers: ["Paid social traffic grew faster than it converts.", "Size guidance on product pages cut hesitation."]),

        new("BASKET-DROP", "Basket drop-out", MetricDimension.Operational, MetricUnit.Percent, Direction.LowerIsBetter,
            Aggregation.Average, null, "chloe.martin", "app",
            ["ecommerce", "product"],
            ["website", "app"],
            "Share of baskets with at least one item that are abandoned before payment.",
            "Abandoned baskets ÷ baskets created × 100, over the period.",
            "Web and app analytics, checkout funnel.",
            71, -0.6, 0.8, -0.6, 1.5, [("website", -1.5), ("app", 2.5)], ["app"],
            Drivers: ["Delivery costs shown late in checkout still drive most drop-outs.", "The app update in the quarter emptied some baskets."]),

        new("REPEAT", "Repeat purchase rate", MetricDimension.Loyalty, MetricUnit.Percent, Direction.HigherIsBetter,
            Aggregation.Average, null, "james.fletcher", "marketing",
            ["stores", "ecommerce", "app"],
            ["store", "website", "app"],
            "Share of customers who bought in the previous 12 months and bought again in this quarter.",
            "Identified customers with a purchase this quarter and one in the 12 months before ÷ identified customers in those 12 months × 100.",
            "Customer data platform (loyalty card and account purchases).",
            38, 0.4, 0.6, 0.5, 1.5, [("store", 2), ("website", -1), ("app", 4)], [],
            Drivers: ["Members' evenings in stores brought lapsed customers back.", "The loyalty app's personalised offers kept repeat buying up."]),

        new("SPEND", "Average spend per customer", MetricDimension.Loyalty, MetricUnit.Currency, Direction.HigherIsBetter,
            Aggregation.Average, null, "james.fletcher", "marketing",
            ["stores", "ecommerce", "app"],
            ["store", "website", "app", "marketplace"],
            "What an identified customer spends with us in a quarter, across all their purchases, in pounds including VAT.",
            "Sales to identified customers ÷ number of identified customers who bought, in £.",
            "Customer data platform and finance sales ledger.",
            142, 1.8, 3, 2, 5, [("store", 12), ("website", -4), ("app", -9), ("marketplace", -30)], [],
            Drivers: ["Homeware bundles raised basket values.", "Seasonal promotions pulled spend forward."]),

        new("VISITS", "Visit frequency", MetricDimension.Loyalty, MetricUnit.Number, Direction.HigherIsBetter,
            Aggregation.Average, null, "james.fletcher", "marketing",
            ["stores", "ecommerce", "app"],
            ["store", "website", "app"],
            "How often an active customer visits us in a quarter: store visits, website and app sessions.",
            "Visits by identified customers ÷ active identified customers, per quarter.",
            "Loyalty card scans in store, signed-in sessions online.",
            4.2, 0.05, 0.12, 0.1, 0.3, [("store", -1.6), ("website", 0.4), ("app", 2.1)], [],
            Drivers: ["App push reminders for collections brought people back more often."]),

        new("SOW", "Share of wallet", MetricDimension.Commitment, MetricUnit.Percent, Direction.HigherIsBetter,
            Aggregation.WeightedBySample, null, "eleanor.hartley", "marketing",
            ["stores", "ecommerce", "product"],
            ["store", "website", "app"],
            "Of what our customers spend on clothing and homeware, the share they spend with us.",
            "Reported spend with Hartwell & Finch ÷ reported spend in the category, mean across panel members × 100.",
            "Quarterly customer panel survey (about 1,200 members).",
            22, 0.25, 0.5, 0.5, 1, [("store", 1), ("website", -0.5), ("app", 1.5)], [],
            Sampled: true,
            Drivers: ["Panel members say range gaps in homeware send them elsewhere."]),

        new("REVIEWS", "Review rating", MetricDimension.Advocacy, MetricUnit.RatingOutOf5, Direction.HigherIsBetter,
            Aggregation.WeightedBySample, null, "daniel.reyes", "ecommerce",
            ["stores", "app", "product"],
            ["store", "website", "app", "marketplace"],
            "Average star rating customers give us on public review sites, app stores and the marketplace.",
            "Mean star rating of reviews published in the period.",
            "Trustpilot, Google reviews, App Store and Google Play, marketplace seller rating.",
            4.05, 0.03, 0.05, 0.05, 0.1, [("store", 0.25), ("website", 0), ("app", -0.35), ("marketplace", -0.15)], ["app"],
            Sampled: true,
            Drivers: ["App reviews dipped after the release that emptied baskets.", "Store reviews praise staff by name."]),

        new("DELIVERY", "Delivery promise kept", MetricDimension.Operational, MetricUnit.Percent, Direction.HigherIsBetter,
            Aggregation.Average, null, "andrew.kowalski", "supply-chain",
            ["ecommerce", "app", "contact-centre"],
            Online,
            "Share of home deliveries that arrive complete on the day promised at checkout.",
            "Orders delivered complete by the promised date ÷ orders due in the period × 100.",
            "Carrier tracking events matched to order promises in the order management system.",
            91, 0.5, 0.7, 0.6, 1.5, [("website", 0.5), ("app", 0.3), ("marketplace", -3.5)], ["marketplace"],
            Fate: DemoMetricFate.AgreedWithPendingRevision, AlsoMonthly: true,
            Drivers: ["Peak weeks stretched the second carrier.", "Marketplace sellers ship from their own stock and miss more promises."]),

        new("FCR", "First-contact resolution", MetricDimension.Operational, MetricUnit.Percent, Direction.HigherIsBetter,
            Aggregation.Average, null, "fiona.campbell", "contact-centre",
            ["stores", "ecommerce"],
            ["contact-centre", "social"],
            "Share of customer contacts resolved without the customer having to come back about the same thing within 7 days.",
            "Contacts with no repeat contact on the same case within 7 days ÷ all contacts × 100.",
            "Contact centre case management system.",
            68, 0.9, 1, 1, 2, [("contact-centre", 1), ("social", -6)], ["social"],
            Drivers: ["Advisers can now see store purchases, so fewer callers are sent back to the store."]),

        new("CC-READY", "Click & collect ready time", MetricDimension.Operational, MetricUnit.Hours, Direction.LowerIsBetter,
            Aggregation.Average, null, "priya.shah", "stores",
            ["ecommerce", "app", "supply-chain"],
            ["store", "website", "app"],
            "How long after ordering a click & collect order is ready at the store counter.",
            "Mean hours from order placed to \"ready to collect\" scan, per order channel.",
            "Order management system, store handheld scans.",
            26, -0.9, 1.2, -1.2, 2, [("store", 3), ("website", -1), ("app", -1.5)], ["store"],
            Drivers: ["Stores that moved picking to early morning are a day faster.", "Transfers between stores are the slowest orders."]),

        new("RETURNS-5D", "Returns processed within 5 days", MetricDimension.Operational, MetricUnit.Percent, Direction.HigherIsBetter,
            Aggregation.Average, null, "niamh.obrien", "supply-chain",
            ["stores", "ecommerce", "contact-centre"],
            ["store", "website", "marketplace"],
            "Share of returns refunded within 5 working days of the item reaching us.",
            "Returns refunded within 5 working days of receipt ÷ returns received × 100.",
            "Returns hub scans and refund ledger.",
            78, 1.2, 1.5, 1.2, 3, [("store", 12), ("website", -3), ("marketplace", -9)], ["marketplace"],
            Drivers: ["The returns hub's second shift cleared the backlog.", "Online orders returned in store are still refunded slowly."]),

        new("APP-CRASH-FREE", "App crash-free sessions", MetricDimension.Operational, MetricUnit.Percent, Direction.HigherIsBetter,
            Aggregation.Average, null, "ethan.wright", "app",
            ["product", "ecommerce"],
            ["app"],
            "Share of app sessions that end without a crash, on iOS and Android together.",
            "Sessions without a crash ÷ all sessions × 100.",
            "Crash reporting (Firebase Crashlytics).",
            98.9, 0.08, 0.25, 0.15, 0.3, [], [],
            AgreedInQuarter: 2,
            Drivers: ["One release with a basket-sync defect cost most of the quarter's crashes."]),

        new("STOCK-ACCURACY", "Online stock accuracy in store", MetricDimension.Operational, MetricUnit.Percent, Direction.HigherIsBetter,
            Aggregation.Average, null, "ben.carter", "product",
            ["stores", "ecommerce", "app", "supply-chain"],
            ["store", "website", "app"],
            "Share of \"in stock at this store\" messages online that were true when the customer arrived.",
            "Store stock checks that confirm the online availability shown ÷ checks made × 100.",
            "Weekly sample of store stock counts against the availability feed.",
            84, 0.5, 1, 1, 2, [], [],
            Fate: DemoMetricFate.ProposedWithObjection),

        new("CONTACT-RATE", "Contacts per 100 orders", MetricDimension.Operational, MetricUnit.Number, Direction.LowerIsBetter,
            Aggregation.Average, null, "kwame.mensah", "contact-centre",
            ["ecommerce", "app", "supply-chain"],
            ["contact-centre", "website", "app"],
            "How many times customers contact us for every 100 orders: a measure of the failure demand we create.",
            "Customer contacts about orders ÷ orders × 100.",
            "Contact centre case system and order management system.",
            14, -0.3, 0.5, -0.3, 1, [], [],
            Fate: DemoMetricFate.Proposed),

        new("SOCIAL-RESPONSE", "Social response time", MetricDimension.Operational, MetricUnit.Hours, Direction.LowerIsBetter,
            Aggregation.Average, null, "sam.wilson", "marketing",
            ["contact-centre"],
            ["social"],
            "How long a customer waits for a first reply when they contact us on social media.",
            "Median hours from a customer's message to our first public or private reply.",
            "Social listening tool.",
            3, -0.1, 0.3, -0.2, 0.5, [], [],
            Fate: DemoMetricFate.Draft),

        new("MYSTERY-SHOP", "Mystery shopper score", MetricDimension.EffortSatisfaction, MetricUnit.Percent, Direction.HigherIsBetter,
            Aggregation.Average, null, "priya.shah", "stores",
            ["marketing"],
            ["store"],
            "Score of monthly mystery shopper visits against the store service standard.",
            "Points scored ÷ points available × 100, mean across visits.",
            "External mystery shopping agency reports.",
            82, 0.3, 1.5, 0.5, 2, [], [],
            Fate: DemoMetricFate.Retired),
    ];

    public const string RetiredReason =
        "Replaced by NPS and CSAT per store: the mystery shopping contract ended and customers' own answers proved a better guide.";

    public static bool HasValues(DemoMetric metric) =>
        metric.ComputedFrom is null && metric.Fate is not (DemoMetricFate.Draft or DemoMetricFate.Proposed or DemoMetricFate.ProposedWithObjection);

    public static readonly string[] AllChannelCodes = AllChannels;
}

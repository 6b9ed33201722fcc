using CxDashboard.Domain.Organisation;

namespace CxDashboard.Web.Data.Seeding;

/// <summary>
/// The fixed cast of the demo retailer, Hartwell &amp; Finch: its teams, people, channels and journey
/// stages. Everything here is fictional; e-mails use the reserved <c>.example</c> domain.
/// </summary>
internal static class DemoCatalogue
{
    public const string RetailerName = "Hartwell & Finch";
    public const string EmailDomain = "hartwellfinch.example";

    public sealed record TeamSpec(string Code, string Name);

    /// <summary>A member of staff; the first person listed for a team leads it.</summary>
    public sealed record PersonSpec(string FirstName, string LastName, string TeamCode, string JobTitle, params Role[] Roles)
    {
        public string DisplayName => $"{FirstName} {LastName}";
        public string Email => $"{Slug(FirstName, '.')}.{Slug(LastName, '.')}@{EmailDomain}";

        /// <summary>The subject the development sign-in uses for this demo person.</summary>
        public string Subject => $"demo-{Slug(FirstName, '-')}-{Slug(LastName, '-')}";
    }

    public sealed record ChannelSpec(string Code, string Name, string OwningTeamCode, double FeedbackShare);

    public sealed record StageSpec(string Code, string Name);

    public static readonly TeamSpec[] Teams =
    [
        new("stores", "Stores"),
        new("ecommerce", "E-commerce"),
        new("app", "App"),
        new("contact-centre", "Contact centre"),
        new("marketing", "Marketing"),
        new("supply-chain", "Supply chain & delivery"),
        new("product", "Product"),
        new("hr", "HR"),
    ];

    public static readonly PersonSpec[] People =
    [
        new("Priya", "Shah", "stores", "Director of Stores", Role.ChannelLead),
        new("Tom", "Baxter", "stores", "Store manager, Leeds", Role.Contributor),
        new("Grace", "Okafor", "stores", "Customer service supervisor, Manchester", Role.Contributor),
        new("Liam", "Doyle", "stores", "Click & collect lead, Bristol", Role.Contributor),
        new("Hannah", "Price", "stores", "Sales colleague, Edinburgh", Role.Contributor),

        new("Daniel", "Reyes", "ecommerce", "Head of E-commerce", Role.ChannelLead),
        new("Sophie", "Turner", "ecommerce", "Checkout product owner", Role.Contributor),
        new("Marcus", "Bell", "ecommerce", "Marketplace partnerships manager", Role.Contributor),
        new("Aisha", "Rahman", "ecommerce", "Web analyst", Role.Contributor),

        new("Chloe", "Martin", "app", "Head of App", Role.ChannelLead),
        new("Ethan", "Wright", "app", "iOS engineering lead", Role.Contributor),
        new("Ravi", "Patel", "app", "App product manager", Role.Contributor),
        new("Zoe", "Hughes", "app", "App support specialist", Role.Contributor),

        new("Fiona", "Campbell", "contact-centre", "Contact centre manager", Role.ChannelLead),
        new("Kwame", "Mensah", "contact-centre", "Team leader, customer care", Role.Contributor),
        new("Jess", "Murphy", "contact-centre", "Customer care adviser", Role.Contributor),
        new("Owen", "Davies", "contact-centre", "Complaints specialist", Role.Contributor),

        new("James", "Fletcher", "marketing", "Marketing director", Role.ChannelLead),
        new("Eleanor", "Hartley", "marketing", "Head of Customer Experience", Role.CxLead),
        new("Margaret", "Osei", "marketing", "Chief Customer Officer", Role.Executive),
        new("Sam", "Wilson", "marketing", "Social media manager", Role.Contributor),

        new("Andrew", "Kowalski", "supply-chain", "Head of Fulfilment", Role.ChannelLead),
        new("Niamh", "O'Brien", "supply-chain", "Returns operations manager", Role.Contributor),
        new("Peter", "Lindqvist", "supply-chain", "Delivery partner manager", Role.Contributor),

        new("Isabel", "Moreno", "product", "Head of Product", Role.ChannelLead),
        new("Ben", "Carter", "product", "Product manager, search and stock", Role.Contributor),
        new("Yusuf", "Ali", "product", "UX researcher", Role.Contributor),

        new("Catherine", "Lowe", "hr", "HR director", Role.ChannelLead),
        new("David", "Nguyen", "hr", "People systems administrator", Role.Admin),
        // Granted nothing on purpose: signs in to the "no access yet" page.
        new("Nadia", "Newcombe", "hr", "New starter (no role yet)"),
    ];

    public static readonly ChannelSpec[] Channels =
    [
        new("store", "Stores", "stores", 0.30),
        new("website", "Website", "ecommerce", 0.25),
        new("app", "App", "app", 0.18),
        new("contact-centre", "Contact centre", "contact-centre", 0.12),
        new("social", "Social media", "marketing", 0.08),
        new("marketplace", "Marketplace", "ecommerce", 0.07),
    ];

    public static readonly StageSpec[] Stages =
    [
        new("discover", "Discover"),
        new("consider", "Consider"),
        new("buy", "Buy"),
        new("receive", "Receive / collect"),
        new("use", "Use"),
        new("get-help", "Get help"),
        new("return", "Return"),
        new("loyalty", "Loyalty"),
    ];

    public static string Slug(string name, char separator)
    {
        var chars = new List<char>(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                chars.Add(c);
            }
            else if (c == ' ' && chars.Count > 0 && chars[^1] != separator)
            {
                chars.Add(separator);
            }
        }
        return new string([.. chars]);
    }
}

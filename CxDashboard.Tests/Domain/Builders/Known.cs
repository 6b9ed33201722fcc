namespace CxDashboard.Tests.Domain.Builders;

/// <summary>The fictional retailer the tests speak about: a few teams, channels and people, and a fixed "now".</summary>
public static class Known
{
    /// <summary>Monday 14 September 2026, 09:00 UTC: inside 2026-Q3, 2026-09 and 2026-W38.</summary>
    public static readonly DateTime Now = new(2026, 9, 14, 9, 0, 0, DateTimeKind.Utc);

    public static readonly DateOnly Today = DateOnly.FromDateTime(Now);

    public static class Teams
    {
        public const int CustomerExperience = 1;
        public const int Stores = 2;
        public const int Digital = 3;
        public const int ContactCentre = 4;
        public const int SupplyChain = 5;
    }

    public static class Channels
    {
        public const int Store = 1;
        public const int Website = 2;
        public const int App = 3;
        public const int ContactCentre = 4;
        public const int Marketplace = 5;
    }

    public static class People
    {
        public const int HeadOfCx = 10;
        public const int StoresLead = 20;
        public const int DigitalLead = 30;
        public const int ContactCentreLead = 40;
        public const int Executive = 50;
    }

    public static int LeadOf(int teamId) => teamId * 10;
}

namespace CxDashboard.Web.Hosting;

/// <summary>How often the ingestion API, the Excel exports and the sign-in may be called (section <c>RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Per API key (or bearer token's subject): survey tools and BI jobs sending data.</summary>
    public RateLimitWindow Api { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Per person: each export reads a whole list.</summary>
    public ExportLimit Exports { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(10), ConcurrentPerPerson = 2 };

    /// <summary>Per client address: starting a sign-in. An office behind one address shares it.</summary>
    public RateLimitWindow SignIn { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    public bool IsUsable =>
        Api.IsUsable && Exports.IsUsable && Exports.ConcurrentPerPerson > 0 && SignIn.IsUsable;
}

public class RateLimitWindow
{
    /// <summary>Requests allowed in each window.</summary>
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; }

    public bool IsUsable => PermitLimit > 0 && Window > TimeSpan.Zero;
}

public sealed class ExportLimit : RateLimitWindow
{
    /// <summary>Exports one person may have running at the same time.</summary>
    public int ConcurrentPerPerson { get; set; }
}

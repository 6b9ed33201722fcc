using CxDashboard.Domain.Common;

namespace CxDashboard.Domain.Admin;

/// <summary>
/// A key a survey tool or BI job sends with its requests. Only a hash of the secret is kept: the
/// secret is shown once, when the key is created; the prefix lets people tell keys apart.
/// </summary>
public sealed class ApiKey : Entity
{
    public const int PrefixLength = 8;

    /// <summary>Last use is written at most this often, so a busy integration does not write on every call.</summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    /// <summary>How long a new key may be valid, in days: a key that leaks stops working on its own.</summary>
    public static readonly IReadOnlyList<int> Lifetimes = [30, 90, 180, 365];

    public const int DefaultLifetimeDays = 90;

    private ApiKey() { Name = Prefix = SecretHash = CreatedBy = string.Empty; }

    public ApiKey(string name, string prefix, string secretHash, ApiScopes scopes, int createdByPersonId, string createdBy, DateTime createdAt,
        int validForDays = DefaultLifetimeDays)
    {
        Name = Guard.Text(name, "The key's name", 100);
        if (prefix is null || prefix.Length != PrefixLength)
        {
            throw new DomainException($"The key's prefix must be {PrefixLength} characters.");
        }
        Prefix = prefix;
        SecretHash = Guard.Text(secretHash, "The secret's hash", 128);
        if (scopes == ApiScopes.None || (scopes & ~(ApiScopes.FeedbackWrite | ApiScopes.MetricsWrite)) != 0)
        {
            throw new DomainException("Choose what the key may send: feedback, metric values or both.");
        }
        Scopes = scopes;
        CreatedByPersonId = Guard.Id(createdByPersonId, "Who created the key");
        CreatedBy = Guard.Text(createdBy, "Who created the key", 200);
        CreatedAt = Guard.Utc(createdAt);
        if (!Lifetimes.Contains(validForDays))
        {
            throw new DomainException($"A key is valid for {string.Join(", ", Lifetimes)} days; {validForDays} is not one of them.");
        }
        ExpiresAt = CreatedAt.AddDays(validForDays);
    }

    public string Name { get; private set; }

    /// <summary>The first characters of the secret, shown in lists to recognise a key.</summary>
    public string Prefix { get; private set; }

    /// <summary>SHA-256 of the secret, hex-encoded.</summary>
    public string SecretHash { get; private set; }

    public ApiScopes Scopes { get; private set; }

    /// <summary>The Admin who created the key: values a key records are recorded in their name.</summary>
    public int CreatedByPersonId { get; private set; }

    public string CreatedBy { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }
    public DateTime? LastUsedAt { get; private set; }

    /// <summary>From this moment requests with the key are refused.</summary>
    public DateTime ExpiresAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public bool IsExpiredAt(DateTime at) => at >= ExpiresAt;

    public bool Allows(ApiScopes scope, DateTime at) => !IsRevoked && !IsExpiredAt(at) && (Scopes & scope) == scope;

    public void Revoke(DateTime at)
    {
        if (IsRevoked)
        {
            throw new DomainException($"The key '{Name}' is already revoked.");
        }
        RevokedAt = Guard.Utc(at);
    }

    /// <summary>Whether a use at <paramref name="at"/> should be written down (none yet, or the last is older than the resolution).</summary>
    public static bool ShouldRecordUse(DateTime? lastUsedAt, DateTime at) =>
        lastUsedAt is not { } last || at - last >= LastUseResolution;
}

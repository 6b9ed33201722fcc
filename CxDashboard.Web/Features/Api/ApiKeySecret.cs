using System.Security.Cryptography;
using System.Text;
using CxDashboard.Domain.Admin;

namespace CxDashboard.Web.Features.Api;

/// <summary>
/// Makes and checks API key secrets. A secret is 32 random bytes, URL-safe, after a fixed marker so
/// that a leaked key is easy to recognise in logs and code scanning; only its SHA-256 is stored.
/// </summary>
public static class ApiKeySecret
{
    public const string Marker = "cxk_";

    public static string Create()
    {
        var random = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return Marker + random;
    }

    /// <summary>The characters shown in lists: enough to tell keys apart, far too few to guess the rest.</summary>
    public static string PrefixOf(string secret) => secret[..ApiKey.PrefixLength];

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares in constant time, so the time an answer takes tells nothing about the stored hash.</summary>
    public static bool Matches(string secret, string storedHash)
    {
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        byte[] stored;
        try
        {
            stored = Convert.FromHexString(storedHash);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(presented, stored);
    }

    public static bool LooksLikeSecret(string? value) =>
        value is { Length: > ApiKey.PrefixLength and <= 200 } && value.StartsWith(Marker, StringComparison.Ordinal);
}

using CxDashboard.Domain.Admin;
using CxDashboard.Domain.Organisation;

namespace CxDashboard.Web.Features.Admin;

public sealed record ApiKeyRow(int Id, string Name, string Prefix, ApiScopes Scopes, string CreatedBy, DateTime CreatedAt,
    DateTime? LastUsedAt, DateTime? RevokedAt, DateTime ExpiresAt, bool IsExpired)
{
    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>A new key with its secret: the only time the secret exists outside the caller's hands.</summary>
public sealed record CreatedApiKey(int Id, string Name, string Prefix, string Secret, DateTime ExpiresAt);

public sealed record PersonRow(int Id, string DisplayName, string Email, string Team, IReadOnlyList<Role> Roles);

public sealed record TeamRow(int Id, string Code, string Name, string? Lead, int People, IReadOnlyList<string> Channels);

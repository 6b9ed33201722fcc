using Microsoft.AspNetCore.Components.Authorization;

namespace CxDashboard.Web.Features.Common;

/// <summary>
/// The person the current circuit or request acts for, read from its authentication state, so that
/// pages never build a <see cref="Caller"/> themselves.
/// </summary>
public sealed class CurrentCaller(AuthenticationStateProvider authentication)
{
    public async Task<Caller> GetAsync() => Caller.From((await authentication.GetAuthenticationStateAsync()).User);
}

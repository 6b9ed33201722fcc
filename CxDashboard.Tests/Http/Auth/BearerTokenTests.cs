using System.Net;
using System.Net.Http.Headers;

namespace CxDashboard.Tests.Http.Auth;

/// <summary>The ingestion API takes the identity provider's access tokens for its own audience, and nothing else it issues.</summary>
public sealed class BearerTokenTests(TestIdentityProvider provider) : IClassFixture<TestIdentityProvider>
{
    [Fact]
    public async Task An_identity_token_presented_to_the_api_as_a_bearer_token_is_refused()
    {
        provider.User = new ProviderUser("idp-omar", "Omar Reyes", "omar.reyes@example.test", ["Contributor"]);
        using var app = App(audience: TestIdentityProvider.ApiAudience);
        var (identityToken, accessToken) = await provider.IssueTokensAsync();

        var withIdentityToken = await PostAsync(app, identityToken);
        var withAccessToken = await PostAsync(app, accessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, withIdentityToken.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, withAccessToken.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, withAccessToken.StatusCode);
    }

    [Fact]
    public async Task Without_an_api_audience_configured_the_api_takes_no_bearer_token_at_all()
    {
        provider.User = new ProviderUser("idp-omar", "Omar Reyes", "omar.reyes@example.test", ["Contributor"]);
        using var app = App(audience: null);
        var (_, accessToken) = await provider.IssueTokensAsync();

        var response = await PostAsync(app, accessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private CxDashboardFactory App(string? audience) => new(new Dictionary<string, string?>
    {
        ["Authentication:Oidc:Authority"] = provider.Authority.ToString(),
        ["Authentication:Oidc:ClientId"] = TestIdentityProvider.ClientId,
        ["Authentication:Oidc:ClientSecret"] = TestIdentityProvider.ClientSecret,
        ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        ["Authentication:Oidc:Audience"] = audience,
    }, new InMemoryUserDirectory());

    private static async Task<HttpResponseMessage> PostAsync(CxDashboardFactory app, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/feedback")
        {
            Content = new StringContent("""{"items":[]}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await app.CreateBrowserClient().SendAsync(request);
    }
}

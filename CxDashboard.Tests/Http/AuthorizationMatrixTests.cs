using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using CxDashboard.Tests.Http.Auth;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Http;

/// <summary>
/// Every page and endpoint of the app, visited by an anonymous visitor and by one demo person of each
/// role. What each should see comes from the app itself: the page's or endpoint's authorization
/// attribute, read through the app's own policies. A new page without a policy fails here.
/// </summary>
public sealed partial class AuthorizationMatrixTests(AuthorizationMatrixTests.App app) : IClassFixture<AuthorizationMatrixTests.App>
{
    private const string Anonymous = "(anonymous)";

    private static readonly Assembly WebAssembly = typeof(Policies).Assembly;

    [Fact]
    public void Every_routable_page_says_who_may_open_it()
    {
        var unguarded = Pages()
            .Where(p => p.Type.GetCustomAttributes<AuthorizeAttribute>().Any() == false && p.Type.GetCustomAttribute<AllowAnonymousAttribute>() is null)
            .Select(p => $"{p.Type.Name} ({p.Template})")
            .ToList();

        Assert.True(unguarded.Count == 0, $"Pages without [Authorize(Policy = …)] or [AllowAnonymous]: {string.Join(", ", unguarded)}");
    }

    [Fact]
    public async Task Every_page_opens_for_the_roles_its_policy_names_and_no_one_else()
    {
        var failures = new List<string>();
        foreach (var (type, template) in Pages())
        {
            var path = await app.FillAsync(template);
            var access = await app.AccessOfAsync(type.GetCustomAttributes<AuthorizeAttribute>().ToList(), type.GetCustomAttribute<AllowAnonymousAttribute>() is not null);
            foreach (var who in app.Identities)
            {
                var expected = access.For(who);
                // The no-access page is where refusals land: opening it shows the explanation by design.
                var actual = Classify(await app.GetAsync(who, path), machine: path == AccountPaths.NoAccess);
                if (actual != expected)
                {
                    failures.Add($"{who} on {path} ({type.Name}): expected {expected}, got {actual}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_its_policy_says_and_posts_need_a_sign_in()
    {
        var failures = new List<string>();
        var checkedPaths = new List<string>();
        foreach (var endpoint in app.Endpoints())
        {
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            var anonymousAllowed = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var machine = template.StartsWith("/api", StringComparison.Ordinal) || template.StartsWith("/export", StringComparison.Ordinal);
            var path = await app.FillAsync(template);
            checkedPaths.Add($"{string.Join("/", methods)} {template}");

            if (!methods.Contains(HttpMethods.Get))
            {
                // Posting needs a sign-in or a key; the sign-in and sign-out forms are open and carry antiforgery tokens instead.
                if (!anonymousAllowed)
                {
                    var response = await app.PostAnonymouslyAsync(path);
                    if ((int)response.StatusCode is >= 200 and < 300 || Classify(response, machine) == Outcome.Allowed)
                    {
                        failures.Add($"{Anonymous} could POST {path}: {(int)response.StatusCode}");
                    }
                }
                continue;
            }

            var access = await app.AccessOfAsync(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().ToList(), anonymousAllowed);
            foreach (var who in app.Identities)
            {
                var expected = access.For(who);
                var actual = Classify(await app.GetAsync(who, path), machine);
                if (actual != expected)
                {
                    failures.Add($"{who} on GET {path}: expected {expected}, got {actual}");
                }
            }
        }

        Assert.Contains(checkedPaths, p => p.EndsWith(" /api/feedback", StringComparison.Ordinal));
        Assert.Contains(checkedPaths, p => p.Contains("/export/", StringComparison.Ordinal));
        Assert.Contains(checkedPaths, p => p.Contains("/account/", StringComparison.Ordinal));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static IEnumerable<(Type Type, string Template)> Pages() =>
        WebAssembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (t, r.Template)))
            .OrderBy(p => p.Template, StringComparer.Ordinal);

    public enum Outcome
    {
        Allowed,
        SentToSignIn,
        Refused,
    }

    /// <summary>
    /// Pages: sign-in redirect for visitors, the "not allowed" explanation (or the no-access page) for a
    /// role without the right. Machine endpoints (and the refusal page itself): status codes only. A missing record (404)
    /// still means the door opened.
    /// </summary>
    private static Outcome Classify(HttpResponseMessage response, bool machine)
    {
        var status = response.StatusCode;
        if (status == HttpStatusCode.Unauthorized)
        {
            return Outcome.SentToSignIn;
        }
        if (status == HttpStatusCode.Forbidden)
        {
            return Outcome.Refused;
        }
        if ((int)status is >= 300 and < 400 && response.Headers.Location is { } location)
        {
            var target = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
            return target switch
            {
                AccountPaths.SignIn => Outcome.SentToSignIn,
                AccountPaths.NoAccess => Outcome.Refused,
                _ => Outcome.Allowed,
            };
        }
        if (!machine && status == HttpStatusCode.OK
            && response.Content.ReadAsStringAsync().GetAwaiter().GetResult().Contains("data-testid=\"not-allowed\"", StringComparison.Ordinal))
        {
            return Outcome.Refused;
        }
        return (int)status < 500 ? Outcome.Allowed : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} failed with {(int)status}.");
    }

    /// <summary>Who may open something: anyone, or signed-in people with one of these roles (null: any signed-in person).</summary>
    public sealed record Access(bool AnonymousAllowed, IReadOnlySet<string>? Roles)
    {
        public Outcome For(string who) =>
            AnonymousAllowed ? Outcome.Allowed
            : who == Anonymous ? Outcome.SentToSignIn
            : Roles is null || Roles.Contains(who) ? Outcome.Allowed
            : Outcome.Refused;
    }

    public sealed partial class App : IAsyncLifetime
    {
        private static readonly Dictionary<string, string> DemoPeople = new()
        {
            [Roles.Admin] = "David Nguyen",
            [Roles.CxLead] = "Eleanor Hartley",
            [Roles.ChannelLead] = "Priya Shah",
            [Roles.Contributor] = "Grace Okafor",
            [Roles.Executive] = "Margaret Osei",
        };

        private readonly AppFactory _factory = new(seedDemoData: true,
            settings: new Dictionary<string, string?> { ["Authentication:DevelopmentSignIn"] = "true" });

        private readonly Dictionary<string, HttpClient> _clients = [];
        private readonly Dictionary<string, int> _firstIds = [];

        public IReadOnlyList<string> Identities => [Anonymous, .. Roles.All];

        public async Task InitializeAsync()
        {
            _clients[Anonymous] = NewClient();
            await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync();
            foreach (var (role, name) in DemoPeople)
            {
                var subject = await db.People.Where(p => p.DisplayName == name).Select(p => p.Subject).SingleAsync();
                var client = NewClient();
                var browser = new Auth.Browser(client);
                var page = await browser.GetAsync(AccountPaths.SignIn);
                var token = Auth.Browser.AntiforgeryToken(await page.Content.ReadAsStringAsync());
                await browser.PostFormAsync(AccountPaths.DevelopmentSignIn,
                [
                    KeyValuePair.Create("subject", subject!),
                    KeyValuePair.Create("returnUrl", AccountPaths.Me),
                    KeyValuePair.Create("__RequestVerificationToken", token),
                ]);
                _clients[role] = client;
            }
            _firstIds["metrics"] = await db.Metrics.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync();
            _firstIds["friction"] = await db.FrictionIssues.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync();
            _firstIds["actions"] = await db.Actions.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
            _firstIds["feedback"] = await db.Feedback.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync();
        }

        public Task DisposeAsync()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }
            _factory.Dispose();
            return Task.CompletedTask;
        }

        public Task<HttpResponseMessage> GetAsync(string who, string path) => _clients[who].GetAsync(path);

        public Task<HttpResponseMessage> PostAnonymouslyAsync(string path) =>
            _clients[Anonymous].PostAsync(path, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        /// <summary>The app's minimal-API endpoints (pages, static files and the Blazor hub are covered elsewhere or open by design).</summary>
        public IEnumerable<RouteEndpoint> Endpoints() =>
            _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
                .OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null
                            && e.RoutePattern.RawText is { } raw
                            && Regex.IsMatch(raw, "^/?(api|export|account|openapi|health)\\b"))
                .OrderBy(e => e.RoutePattern.RawText, StringComparer.Ordinal);

        /// <summary>Route parameters filled with records that exist in the demo data.</summary>
        public Task<string> FillAsync(string template)
        {
            var area = template.TrimStart('/').Split('/')[0];
            var path = RouteParameter().Replace(template, match => match.Groups["name"].Value.ToLowerInvariant() switch
            {
                "id" => _firstIds.TryGetValue(area, out var id) ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : "1",
                "code" => "NPS",
                "documentname" => "v1",
                _ => "1",
            });
            return Task.FromResult(path);
        }

        /// <summary>Reads who may pass from the attributes through the app's registered policies.</summary>
        public async Task<Access> AccessOfAsync(IReadOnlyList<IAuthorizeData> authorize, bool anonymousAllowed)
        {
            if (anonymousAllowed)
            {
                return new Access(true, null);
            }
            var provider = _factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
            var policy = authorize.Count == 0
                ? await provider.GetFallbackPolicyAsync()
                : await AuthorizationPolicy.CombineAsync(provider, authorize);
            if (policy is null)
            {
                return new Access(true, null);
            }
            IReadOnlySet<string>? roles = null;
            foreach (var requirement in policy.Requirements.OfType<RolesAuthorizationRequirement>())
            {
                var allowed = requirement.AllowedRoles.ToHashSet(StringComparer.Ordinal);
                roles = roles is null ? allowed : roles.Intersect(allowed).ToHashSet(StringComparer.Ordinal);
            }
            return new Access(false, roles);
        }

        private HttpClient NewClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = CxDashboardFactory.BaseAddress,
        });

        [GeneratedRegex("\\{(?<name>[A-Za-z]+)(:[^}]*)?\\??\\}")]
        private static partial Regex RouteParameter();
    }
}

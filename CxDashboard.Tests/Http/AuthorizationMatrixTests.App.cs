using System.Globalization;
using System.Text.RegularExpressions;
using CxDashboard.Domain.Actions;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Organisation;
using CxDashboard.Domain.Scorecards;
using CxDashboard.Tests.Http.Auth;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Http;

public sealed partial class AuthorizationMatrixTests
{
    /// <summary>The app on the demo data, with a signed-in browser for each identity of the table.</summary>
    public sealed partial class App : IAsyncLifetime
    {
        public const string NoRolePerson = "Nadia Newcombe";

        private readonly Dictionary<string, string> _people = new()
        {
            [Roles.Admin] = "David Nguyen",
            [Roles.CxLead] = "Eleanor Hartley",
            [Roles.ChannelLead] = "Priya Shah",
            [Roles.Contributor] = string.Empty,
            [Roles.Executive] = "Margaret Osei",
            ["NoRole"] = NoRolePerson,
        };

        private readonly AppFactory _factory = new(seedDemoData: true,
            settings: new Dictionary<string, string?> { ["Authentication:DevelopmentSignIn"] = "true" });

        private readonly Dictionary<string, HttpClient> _clients = [];
        private readonly Dictionary<string, string> _values = [];

        public IServiceProvider Services => _factory.Services;

        public async Task InitializeAsync()
        {
            _clients["Anonymous"] = NewClient();
            await using var db = await CreateDbContextAsync();
            // The contributor is one with an open action of their own, so that re-planning it can be tried.
            _people[Roles.Contributor] = await (
                from p in db.People
                where db.RoleGrants.Count(g => g.PersonId == p.Id) == 1
                      && db.RoleGrants.Any(g => g.PersonId == p.Id && g.Role == Role.Contributor)
                      && db.Actions.Any(a => a.OwnerPersonId == p.Id && a.Status != ActionStatus.Done && a.Status != ActionStatus.Cancelled)
                orderby p.DisplayName
                select p.DisplayName).FirstAsync();
            foreach (var (who, name) in _people)
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
                _clients[who] = client;
            }

            // Records every reader may open: an agreed metric, a published scorecard, the first of the rest.
            var metric = await db.Metrics.Where(m => m.Status == MetricStatus.Agreed).OrderBy(m => m.Id).Select(m => new { m.Id, m.Code }).FirstAsync();
            var quarter = (await db.Scorecards.Where(s => s.Status == ScorecardStatus.Published).Select(s => s.Quarter).ToListAsync()).Max();
            _values["metrics:id"] = metric.Id.ToString(CultureInfo.InvariantCulture);
            _values["code"] = metric.Code;
            _values["quarter"] = _values["quartertext"] = quarter.ToString();
            _values["actions:id"] = Id(await db.Actions.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
            _values["friction:id"] = Id(await db.FrictionIssues.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync());
            _values["feedback:id"] = Id(await db.Feedback.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync());
            _values["governance:id"] = Id(await db.Reviews.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
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

        public Task<CxDbContext> CreateDbContextAsync() =>
            Services.GetRequiredService<IDbContextFactory<CxDbContext>>().CreateDbContextAsync();

        public Task<HttpResponseMessage> GetAsync(string who, string path) => _clients[who].GetAsync(path);

        /// <summary>Posts what the endpoint reads (JSON to the API, a form elsewhere), without credentials or an antiforgery token.</summary>
        public Task<HttpResponseMessage> PostAsync(string who, string path) =>
            _clients[who].PostAsync(path, path.StartsWith("/api/", StringComparison.Ordinal)
                ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent([KeyValuePair.Create("subject", "demo-eleanor-hartley")]));

        /// <summary>The demo person behind a column of the table, as a service sees them.</summary>
        public async Task<Caller> CallerAsync(string who)
        {
            await using var db = await CreateDbContextAsync();
            var person = await db.People.Where(p => p.DisplayName == _people[who]).Select(p => new { p.Id, p.DisplayName, p.TeamId }).SingleAsync();
            var roles = await db.RoleGrants.Where(g => g.PersonId == person.Id).Select(g => g.Role).ToListAsync();
            return new Caller(person.Id, person.DisplayName, person.TeamId, roles.Select(r => r.ToString()).ToHashSet(StringComparer.Ordinal));
        }

        /// <summary>
        /// The app's own endpoints: everything routed except the pages (enumerated from their @page
        /// attributes), the static files and the Blazor framework's plumbing.
        /// </summary>
        public IEnumerable<(string Template, IReadOnlyList<string> Methods)> Endpoints() =>
            Services.GetRequiredService<EndpointDataSource>().Endpoints
                .OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
                .Select(e => ("/" + e.RoutePattern.RawText!.TrimStart('/'), e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods
                    ? methods
                    : (IReadOnlyList<string>)[HttpMethods.Get]))
                .Where(e => !Plumbing().IsMatch(e.Item1));

        /// <summary>Route parameters filled with records that exist in the demo data.</summary>
        public Task<string> FillAsync(string template)
        {
            // Downloads are named after the area they export: /export/metrics/{id} takes a metric's id.
            var area = template.TrimStart('/').Split('/').First(segment => segment != "export");
            return Task.FromResult(RouteParameter().Replace(template, match =>
            {
                var name = match.Groups["name"].Value.ToLowerInvariant();
                return _values.TryGetValue($"{area}:{name}", out var scoped) ? scoped
                    : _values.TryGetValue(name, out var value) ? value
                    : throw new InvalidOperationException($"No demo record for {{{name}}} in {template}: add one to the table's fixture.");
            }));
        }

        private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

        private HttpClient NewClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = CxDashboardFactory.BaseAddress,
        });

        [GeneratedRegex("\\{(?<name>[A-Za-z]+)(:[^}]*)?\\??\\}")]
        private static partial Regex RouteParameter();

        [GeneratedRegex("^/(_framework|_blazor|_content)(/|$)|\\.(css|js|mjs|map|ico|png|svg|woff2?|json\\.gz|gz|br|wasm)$|^/\\{\\*\\*?path")]
        private static partial Regex Plumbing();
    }
}

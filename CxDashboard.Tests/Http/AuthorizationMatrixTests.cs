using System.Net;
using System.Reflection;
using CxDashboard.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using static CxDashboard.Tests.Http.AuthorizationMatrixTests.Outcome;

namespace CxDashboard.Tests.Http;

/// <summary>
/// Every page and endpoint of the app, opened by an anonymous visitor, by one demo person of each
/// role and by a signed-in person with no role. What each should get is written down below by hand,
/// from what each role is for in the product, not read from the pages' attributes: a page whose
/// policy is wrong fails here, and so does a page or endpoint nobody has written a line for.
/// </summary>
public sealed partial class AuthorizationMatrixTests(AuthorizationMatrixTests.App app) : IClassFixture<AuthorizationMatrixTests.App>
{
    public enum Outcome
    {
        /// <summary>A 2xx answer with the page or file; the only outcome that lets someone in.</summary>
        Page,
        /// <summary>401, or a redirect to the sign-in page.</summary>
        SignInRedirect,
        /// <summary>403, a redirect to the no-access page, or a page that shows only the "not allowed" explanation.</summary>
        NotAllowed,
        NotFound,
        /// <summary>400: refused before anything ran (a form posted without its antiforgery token).</summary>
        BadRequest,
    }

    public static readonly string[] Identities = ["Anonymous", Roles.Admin, Roles.CxLead, Roles.ChannelLead, Roles.Contributor, Roles.Executive, "NoRole"];

    private static Dictionary<string, Outcome> Row(Outcome anonymous, Outcome admin, Outcome cxLead, Outcome channelLead,
        Outcome contributor, Outcome executive, Outcome noRole) =>
        Identities.Zip([anonymous, admin, cxLead, channelLead, contributor, executive, noRole]).ToDictionary(p => p.First, p => p.Second);

    /// <summary>
    /// Who gets what, by method and route template as the app declares it. Parameterised routes are
    /// filled with real demo records (see <see cref="App.FillAsync"/>).
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, Outcome>> Expected = new(StringComparer.Ordinal)
    {
        //                                                       anonymous        Admin       CxLead      ChannelLead Contributor Executive   no role
        // Reading: everyone with a role.
        ["GET /"] =                                          Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /actions"] =                                   Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /actions/{Id:int}"] =                          Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /feedback"] =                                  Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        // Each person's own notifications, and the bell's unread count that every page asks for.
        ["GET /notifications"] =                             Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /notifications/unread"] =                      Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /notifications/settings"] =                    Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /feedback/follow-ups"] =                       Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /feedback/{Id:int}"] =                         Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /friction"] =                                  Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /friction/heatmap"] =                          Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /friction/silos"] =                            Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /friction/{Id:int}"] =                         Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /governance"] =                                Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /governance/{Id:int}"] =                       Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /metrics"] =                                   Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /metrics/{Id:int}"] =                          Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /themes"] =                                    Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /scorecards"] =                                Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /scorecards/compare"] =                        Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /scorecards/{QuarterText}"] =                  Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),

        // Recording feedback: the people who hear customers and staff; not executives, not admins.
        ["GET /feedback/new"] =                              Row(SignInRedirect, NotAllowed, Page,       Page,       Page,       NotAllowed, NotAllowed),
        ["GET /feedback/import"] =                           Row(SignInRedirect, NotAllowed, Page,       Page,       Page,       NotAllowed, NotAllowed),

        // Planning work, raising issues, writing metrics and entering values: the head of CX and channel leads.
        ["GET /actions/new"] =                               Row(SignInRedirect, NotAllowed, Page,       Page,       NotAllowed, NotAllowed, NotAllowed),
        ["GET /friction/new"] =                              Row(SignInRedirect, NotAllowed, Page,       Page,       NotAllowed, NotAllowed, NotAllowed),
        ["GET /friction/{Id:int}/edit"] =                    Row(SignInRedirect, NotAllowed, Page,       Page,       NotAllowed, NotAllowed, NotAllowed),
        ["GET /metrics/new"] =                               Row(SignInRedirect, NotAllowed, Page,       Page,       NotAllowed, NotAllowed, NotAllowed),
        ["GET /metrics/{Id:int}/edit"] =                     Row(SignInRedirect, NotAllowed, Page,       Page,       NotAllowed, NotAllowed, NotAllowed),
        ["GET /metrics/{Id:int}/values"] =                   Row(SignInRedirect, NotAllowed, Page,       Page,       NotAllowed, NotAllowed, NotAllowed),

        // Governance reviews are the head of CX's; the audit trail is read by the head of CX and Admins; Admin is the Admin's.
        ["GET /governance/new"] =                            Row(SignInRedirect, NotAllowed, Page,       NotAllowed, NotAllowed, NotAllowed, NotAllowed),
        ["GET /audit"] =                                     Row(SignInRedirect, Page,       Page,       NotAllowed, NotAllowed, NotAllowed, NotAllowed),
        ["GET /admin"] =                                     Row(SignInRedirect, Page,       NotAllowed, NotAllowed, NotAllowed, NotAllowed, NotAllowed),

        // Account pages: signing in and out is open; the no-access page explains itself to anyone signed in.
        ["GET /account/signin"] =                            Row(Page,           Page,       Page,       Page,       Page,       Page,       Page),
        ["GET /account/signout"] =                           Row(Page,           Page,       Page,       Page,       Page,       Page,       Page),
        ["GET /account/signed-out"] =                        Row(Page,           Page,       Page,       Page,       Page,       Page,       Page),
        // Where an open page goes when its sign-in no longer holds: it must answer whoever arrives, signed in or not.
        ["GET /account/access-changed"] =                    Row(Page,           Page,       Page,       Page,       Page,       Page,       Page),
        ["GET /account/no-access"] =                         Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       Page),
        ["GET /account/me"] =                                Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        // Without an identity provider configured there is no provider to go to.
        ["GET /account/signin/provider"] =                   Row(NotFound,       NotFound,   NotFound,   NotFound,   NotFound,   NotFound,   NotFound),
        // Posted without the sign-in form's antiforgery token: refused whoever posts.
        ["POST /account/signin/development"] =               Row(BadRequest,     BadRequest, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        ["POST /account/signout"] =                          Row(BadRequest,     BadRequest, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),

        // Error pages are shown to anyone, signed in or not.
        ["GET /Error"] =                                     Row(Page,           Page,       Page,       Page,       Page,       Page,       Page),
        ["GET /not-found"] =                                 Row(Page,           Page,       Page,       Page,       Page,       Page,       Page),

        // Downloads: lists for every reader; values and templates for those who enter them; the audit trail for auditors.
        ["GET /export/feedback.xlsx"] =                      Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /export/friction.xlsx"] =                      Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /export/actions.xlsx"] =                       Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /export/metrics.xlsx"] =                       Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /export/reviews.xlsx"] =                       Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /export/scorecards/{quarter}.xlsx"] =          Row(SignInRedirect, Page,       Page,       Page,       Page,       Page,       NotAllowed),
        ["GET /export/metrics/{id:int}/values.xlsx"] =       Row(SignInRedirect, NotAllowed, Page,       Page,       NotAllowed, NotAllowed, NotAllowed),
        ["GET /export/metrics/{code}/values-template.xlsx"] = Row(SignInRedirect, NotAllowed, Page,       Page,       NotAllowed, NotAllowed, NotAllowed),
        ["GET /export/audit.xlsx"] =                         Row(SignInRedirect, Page,       Page,       NotAllowed, NotAllowed, NotAllowed, NotAllowed),

        // Machine ingestion answers API keys and bearer tokens only: a browser's sign-in cookie does not count.
        ["POST /api/feedback"] =                             Row(SignInRedirect, SignInRedirect, SignInRedirect, SignInRedirect, SignInRedirect, SignInRedirect, SignInRedirect),
        ["POST /api/metrics/{code}/values"] =                Row(SignInRedirect, SignInRedirect, SignInRedirect, SignInRedirect, SignInRedirect, SignInRedirect, SignInRedirect),

        // Open by design: load balancers and API clients read these without a sign-in.
        ["GET /health"] =                                    Row(Page,           Page,       Page,       Page,       Page,       Page,       Page),
        ["GET /openapi/v1.json"] =                           Row(Page,           Page,       Page,       Page,       Page,       Page,       Page),
    };

    [Fact]
    public void Every_routable_page_and_endpoint_has_a_line_in_the_table_and_every_line_a_route()
    {
        var routes = Routes().Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(routes.Except(Expected.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(Expected.Keys.Except(routes).Order(StringComparer.Ordinal));
        Assert.All(Expected.Values, row => Assert.Equal(Identities.Length, row.Count));
    }

    [Fact]
    public void Every_routable_page_says_who_may_open_it()
    {
        var unguarded = Pages()
            .Where(p => !p.Type.GetCustomAttributes<AuthorizeAttribute>().Any() && p.Type.GetCustomAttribute<AllowAnonymousAttribute>() is null)
            .Select(p => $"{p.Type.Name} ({p.Template})")
            .ToList();

        Assert.True(unguarded.Count == 0, $"Pages without [Authorize(Policy = …)] or [AllowAnonymous]: {string.Join(", ", unguarded)}");
    }

    [Fact]
    public async Task Every_page_and_endpoint_answers_each_identity_as_the_table_says()
    {
        var failures = new List<string>();
        foreach (var route in Routes().Where(r => Expected.ContainsKey(r.Key)))
        {
            var path = await app.FillAsync(route.Template);
            foreach (var who in Identities)
            {
                var response = route.Method == HttpMethods.Get ? await app.GetAsync(who, path) : await app.PostAsync(who, path);
                var actual = await ClassifyAsync(response, path);
                var expected = Expected[route.Key][who];
                if (actual != expected)
                {
                    failures.Add($"{who} on {route.Method} {path}: expected {expected}, got {actual} ({(int)response.StatusCode} {response.Headers.Location})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private sealed record Route(string Method, string Template)
    {
        public string Key => $"{Method} {Template}";
    }

    /// <summary>The pages (components with @page) and the app's own endpoints, one entry per method.</summary>
    private IEnumerable<Route> Routes() =>
        Pages().Select(p => new Route(HttpMethods.Get, p.Template))
            .Concat(app.Endpoints().SelectMany(e => e.Methods.Select(m => new Route(m, e.Template))))
            .Distinct()
            .OrderBy(r => r.Key, StringComparer.Ordinal);

    private static IEnumerable<(Type Type, string Template)> Pages() =>
        typeof(Policies).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (t, r.Template)));

    private static async Task<Outcome?> ClassifyAsync(HttpResponseMessage response, string path)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return SignInRedirect;
        }
        if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            return NotAllowed;
        }
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return NotFound;
        }
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            return BadRequest;
        }
        if (status is >= 300 and < 400 && response.Headers.Location is { } location)
        {
            var target = location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
            return target switch
            {
                AccountPaths.SignIn => SignInRedirect,
                AccountPaths.NoAccess => NotAllowed,
                _ => null,
            };
        }
        if (status is >= 200 and < 300)
        {
            // The no-access page is itself the explanation, so showing it is what a visitor there should get.
            var body = await response.Content.ReadAsStringAsync();
            return path != AccountPaths.NoAccess && body.Contains("data-testid=\"not-allowed\"", StringComparison.Ordinal) ? NotAllowed : Page;
        }
        return null;
    }
}

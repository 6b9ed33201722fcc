using System.Net;
using System.Text.RegularExpressions;

namespace CxDashboard.Tests.Http.Auth;

/// <summary>
/// Walks redirects one at a time the way a browser would, sending each hop to the app (in memory) or to
/// the identity provider (real HTTP) by host, and submits the provider's self-posting response forms.
/// </summary>
internal sealed partial class Browser(HttpClient app, HttpClient? identityProvider = null)
{
    private const int MaxHops = 12;

    public List<Uri> Visited { get; } = [];

    public Task<HttpResponseMessage> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, Resolve(url)));

    public Task<HttpResponseMessage> PostFormAsync(string url, IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, Resolve(url)) { Content = new FormUrlEncodedContent(fields) });

    /// <summary>The antiforgery token the page rendered into its forms.</summary>
    public static string AntiforgeryToken(string html) =>
        WebUtility.HtmlDecode(AntiforgeryInput().Match(html) is { Success: true } match
            ? match.Groups["value"].Value
            : throw new InvalidOperationException("The page has no antiforgery token."));

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        for (var hop = 0; hop < MaxHops; hop++)
        {
            Visited.Add(request.RequestUri!);
            var response = await ClientFor(request.RequestUri!).SendAsync(request);

            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                request = new HttpRequestMessage(HttpMethod.Get, new Uri(request.RequestUri!, location));
                continue;
            }

            if (IsIdentityProvider(request.RequestUri!) && response.StatusCode == HttpStatusCode.OK
                && await AutoPostFormAsync(response) is { } formPost)
            {
                request = formPost;
                continue;
            }

            return response;
        }

        throw new InvalidOperationException($"More than {MaxHops} hops: {string.Join(" -> ", Visited)}");
    }

    private HttpClient ClientFor(Uri uri) => IsIdentityProvider(uri)
        ? identityProvider ?? throw new InvalidOperationException($"No identity provider to send {uri} to.")
        : app;

    private bool IsIdentityProvider(Uri uri) => uri.Host != app.BaseAddress!.Host;

    private Uri Resolve(string url) => new(app.BaseAddress!, url);

    private static bool IsRedirect(HttpStatusCode status) => (int)status is >= 300 and < 400;

    // The provider answers with response_mode=form_post: a page whose script posts the code back to the app.
    private static async Task<HttpRequestMessage?> AutoPostFormAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var form = FormTag().Match(html);
        if (!form.Success || !form.Value.Contains("method=\"post\"", StringComparison.OrdinalIgnoreCase)
            || FormAction().Match(form.Value) is not { Success: true } action)
        {
            return null;
        }

        var fields = HiddenInput().Matches(html)
            .Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .ToList();
        return new HttpRequestMessage(HttpMethod.Post, WebUtility.HtmlDecode(action.Groups["action"].Value))
        {
            Content = new FormUrlEncodedContent(fields),
        };
    }

    [GeneratedRegex("<form[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex("action=\"(?<action>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex FormAction();

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]*)"[^>]*value="(?<value>[^"]*)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex AntiforgeryInput();
}

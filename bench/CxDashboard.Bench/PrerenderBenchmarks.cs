using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace CxDashboard.Bench;

/// <summary>
/// Server prerender over real HTTP to Kestrel on 127.0.0.1, signed in as the head of CX with the
/// development sign-in form: per page, a bounded loop of requests from a few concurrent clients.
/// </summary>
internal sealed partial class PrerenderBenchmarks(string baseUrl, Report report)
{
    public const string HeadOfCxSubject = "demo-eleanor-hartley";
    private const int Requests = 200;
    private const int Concurrency = 4;
    private const int WarmUps = 5;
    private const double P95Ms = 500;

    public async Task RunAsync(IEnumerable<(string Path, string Name)> pages)
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        await SignInAsync(client, HeadOfCxSubject);

        foreach (var (path, name) in pages)
        {
            for (var i = 0; i < WarmUps; i++)
            {
                await GetPageAsync(client, path);
            }
            var samples = new List<double>(Requests);
            var next = 0;
            var total = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, Concurrency).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) <= Requests)
                {
                    var elapsed = await Timing.TimeAsync(() => GetPageAsync(client, path));
                    lock (samples)
                    {
                        samples.Add(elapsed);
                    }
                }
            });
            await Task.WhenAll(workers);
            var seconds = total.Elapsed.TotalSeconds;
            var t = Timings.Of(samples);
            report.Add(new ReportLine("Prerender over HTTP", $"{name} `{path}`",
                Report.Inv($"{Report.Ms(t)}, {Requests / seconds:0.0} req/s ({Requests} requests, {Concurrency} concurrent)"),
                "—", "p95 < 500 ms", t.P95 < P95Ms));
        }
    }

    /// <summary>The development sign-in, as a browser does it: read the form's antiforgery token, post the person's subject.</summary>
    public static async Task SignInAsync(HttpClient client, string subject)
    {
        var form = await client.GetStringAsync("/account/signin");
        var token = WebUtility.HtmlDecode(AntiforgeryInput().Match(form) is { Success: true } match
            ? match.Groups["value"].Value
            : throw new InvalidOperationException("The sign-in page has no antiforgery token: is the development sign-in on?"));
        using var response = await client.PostAsync("/account/signin/development", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["subject"] = subject,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException($"Signing in as {subject} answered {(int)response.StatusCode} {response.Headers.Location}.");
        }
    }

    private static async Task GetPageAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}.");
        }
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex AntiforgeryInput();
}

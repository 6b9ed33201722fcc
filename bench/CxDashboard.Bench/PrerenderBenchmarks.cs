using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace CxDashboard.Bench;

/// <summary>
/// Server prerender over real HTTP to Kestrel on 127.0.0.1, signed in as the head of CX with the
/// development sign-in form: per page, a bounded loop of requests from a few concurrent clients, each timed to the
/// last byte of the response. The dashboard streams (its layout and skeletons first, each section as its figures
/// arrive, in one response), so it is also timed to its first bytes, and on first visits of a quarter and channel
/// whose figures nobody has asked for within the minute (<c>DashboardFigures</c>).
/// </summary>
internal sealed partial class PrerenderBenchmarks(string baseUrl, Report report)
{
    public const string HeadOfCxSubject = "demo-eleanor-hartley";
    private const int Requests = 200;
    private const int Concurrency = 4;
    private const int WarmUps = 5;
    private const double P95Ms = 500;

    // The whole page of a quarter nobody opened, every section streamed in: the "first visit < 1 s".
    private const double FirstVisitP95Ms = 1000;

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
            var firstBytes = new List<double>(Requests);
            var complete = new List<double>(Requests);
            var next = 0;
            var total = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, Concurrency).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) <= Requests)
                {
                    var (first, last) = await GetPageAsync(client, path);
                    lock (complete)
                    {
                        firstBytes.Add(first);
                        complete.Add(last);
                    }
                }
            });
            await Task.WhenAll(workers);
            var seconds = total.Elapsed.TotalSeconds;
            var t = Timings.Of(complete);
            report.Add(new ReportLine("Prerender over HTTP", $"{name} `{path}`",
                Report.Inv($"{Report.Ms(t)}, {Requests / seconds:0.0} req/s ({Requests} requests, {Concurrency} concurrent)"),
                "—", "p95 < 500 ms", t.P95 < P95Ms)
            {
                // The dashboard's tiles count this quarter's feedback as it stands; the other pages read a page of rows.
                Growth = new($"Prerender | {name}", t.Median, t.P95, name == "dashboard" ? 1 : 0),
            });
            if (path == "/")
            {
                var f = Timings.Of(firstBytes);
                report.Add(new ReportLine("Prerender over HTTP", $"{name} `{path}`, first bytes (layout, tiles' skeletons, sections' skeletons)",
                    Report.Inv($"{Report.Ms(f)} (the same {Requests} requests)"), "—", "p95 < 500 ms", f.P95 < P95Ms));
            }
        }
    }

    /// <summary>
    /// The dashboard for quarters and channels nobody has opened within the minute, one visit at a time: the sections that
    /// depend on the channel (metrics, feedback volume) compute their figures from the full tables on every visit; those
    /// that span channels (closed loop, quick wins, top friction) on the first visit of each quarter.
    /// </summary>
    public async Task RunDashboardFirstVisitsAsync(IReadOnlyList<string> addresses)
    {
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        await SignInAsync(client, HeadOfCxSubject);
        var firstBytes = new List<double>(addresses.Count);
        var complete = new List<double>(addresses.Count);
        foreach (var address in addresses)
        {
            var (first, last) = await GetPageAsync(client, address);
            firstBytes.Add(first);
            complete.Add(last);
            // With a dozen visits the p95 is the slowest one or two: which quarter and channel they were says why.
            Console.WriteLine(Report.Inv($"    {address}: {last:N0} ms"));
        }
        var t = Timings.Of(complete);
        var f = Timings.Of(firstBytes);
        report.Add(new ReportLine("Prerender over HTTP", "dashboard, a quarter and channel nobody opened within the minute",
            Report.Inv($"complete {Report.Ms(t)}; first bytes {Report.Ms(f)} ({addresses.Count} visits one at a time, each a different quarter and channel)"),
            "—", "complete page p95 < 1 s", t.P95 < FirstVisitP95Ms)
        {
            // Each section reads the quarter's rows, or their counts per day: a quarter's share of the data.
            Growth = new("Prerender | dashboard, a quarter nobody opened", t.Median, t.P95, 1),
        });
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

    /// <summary>One GET: milliseconds to the response's first bytes (its headers go with the first flush) and to its last.</summary>
    private static async Task<(double FirstBytes, double Complete)> GetPageAsync(HttpClient client, string path)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        var firstBytes = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode} {response.Headers.Location}.");
        }
        await response.Content.CopyToAsync(Stream.Null);
        return (firstBytes, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    [GeneratedRegex("""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<value>[^"]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex AntiforgeryInput();
}

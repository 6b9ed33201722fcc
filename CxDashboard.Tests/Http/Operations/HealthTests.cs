using System.Net;
using CxDashboard.Tests.Support;

namespace CxDashboard.Tests.Http.Operations;

public sealed class HealthTests : IDisposable
{
    private readonly AppFactory _app = new(settings: new Dictionary<string, string?> { ["Authentication:DevelopmentSignIn"] = "true" });

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Health_needs_no_sign_in_and_says_the_database_answers()
    {
        var response = await _app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_reports_503_without_the_error_while_the_database_is_gone_and_recovers_without_a_restart()
    {
        var client = _app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        var aside = _app.DatabasePath + ".aside";
        File.Move(_app.DatabasePath, aside);
        try
        {
            var down = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
            var body = await down.Content.ReadAsStringAsync();
            Assert.Contains("The database does not answer.", body);
            // Anyone may ask: what went wrong inside stays in the log.
            Assert.DoesNotContain("SQLite", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("no such table", body, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            // Opening the missing file created an empty one; the real database goes back in its place.
            File.Delete(_app.DatabasePath);
            File.Move(aside, _app.DatabasePath);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}

using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using CxDashboard.Domain.Admin;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Hosting.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace CxDashboard.Tests.Http.Api;

public sealed class IngestionMetricsTests(IngestionApiApp app) : IClassFixture<IngestionApiApp>
{
    private static object Item(string externalId) => new
    {
        externalId,
        receivedAt = IngestionApiApp.Now.AddHours(-2),
        channel = "store",
        source = "Survey",
        category = "Service",
        scoreScale = "Nps",
        score = 4,
        verbatim = "Nobody at the returns desk.",
    };

    [Fact]
    public async Task Feedback_sent_through_the_API_is_counted_once_even_when_the_batch_is_sent_again()
    {
        using var meters = new MeterRecorder(app.Factory.Services.GetRequiredService<IMeterFactory>());
        var key = await app.CreateKeyAsync(ApiScopes.FeedbackWrite, "Survey tool (metrics)");
        var client = app.ClientWith(key.Secret);
        var batch = new { items = new[] { Item($"metrics-{Guid.NewGuid():N}"), Item($"metrics-{Guid.NewGuid():N}") } };

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/feedback", batch)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/feedback", batch)).StatusCode);

        var measured = Assert.Single(meters.Of(AppMetrics.FeedbackIngestedName));
        Assert.Equal(2, measured.Value);
        Assert.Equal("api", measured.Tags[AppMetrics.ViaTag]);
    }
}

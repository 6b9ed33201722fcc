using CxDashboard.Web.Hosting.Telemetry;
using Microsoft.AspNetCore.Http;

namespace CxDashboard.Tests.Hosting.Telemetry;

public sealed class TracedRequestsTests
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/app.css")]
    [InlineData("/favicon.png")]
    public void The_health_probe_and_static_files_are_not_traced(string path) =>
        Assert.False(TelemetrySetup.IsTraced(new PathString(path)));

    [Theory]
    [InlineData("/")]
    [InlineData("/feedback")]
    [InlineData("/export/feedback.xlsx")]
    [InlineData("/api/feedback")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/_blazor/negotiate")]
    public void Pages_exports_and_the_API_are_traced(string path) =>
        Assert.True(TelemetrySetup.IsTraced(new PathString(path)));
}

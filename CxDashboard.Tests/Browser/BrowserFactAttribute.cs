namespace CxDashboard.Tests.Browser;

/// <summary>
/// A browser test: runs in Debian's Chromium at /usr/bin/chromium. Where it is not installed the test
/// is skipped with the reason, except when CXDASHBOARD_REQUIRE_BROWSER=1 (CI), where it must run.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && Environment.GetEnvironmentVariable("CXDASHBOARD_REQUIRE_BROWSER") != "1")
        {
            Skip = "Chromium is not installed at /usr/bin/chromium (apt-get install chromium); .ci/run installs it and runs this test.";
        }
    }
}

namespace CxDashboard.Tests.Browser;

/// <summary>
/// A browser test behind Debian's nginx (/usr/sbin/nginx). Where Chromium or nginx is not installed the test
/// is skipped with the reason, except when CXDASHBOARD_REQUIRE_BROWSER=1 (CI), where it must run.
/// </summary>
public sealed class ReverseProxyFactAttribute : FactAttribute
{
    public ReverseProxyFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CXDASHBOARD_REQUIRE_BROWSER") == "1")
        {
            return;
        }
        if (!File.Exists(BrowserFactAttribute.ChromiumPath))
        {
            Skip = "Chromium is not installed at /usr/bin/chromium (apt-get install chromium); .ci/run installs it and runs this test.";
        }
        else if (!File.Exists(Nginx.ExecutablePath))
        {
            Skip = "nginx is not installed at /usr/sbin/nginx (apt-get install nginx); .ci/run installs it and runs this test.";
        }
    }
}

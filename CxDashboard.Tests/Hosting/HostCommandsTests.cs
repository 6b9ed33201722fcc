using CxDashboard.Web.Hosting;

namespace CxDashboard.Tests.Hosting;

public sealed class HostCommandsTests
{
    [Fact]
    public void Configuration_given_after_a_seed_command_is_not_taken_for_its_options()
    {
        var rest = HostCommands.ConfigurationArguments(
            ["seed-demo", "--feedback", "1000000", "--reset", "--ConnectionStrings:CxDashboard=Data Source=/tmp/big.db"]);

        Assert.Equal(["--ConnectionStrings:CxDashboard=Data Source=/tmp/big.db"], rest);
    }

    [Fact]
    public void Running_the_app_passes_every_argument_to_configuration()
    {
        string[] args = ["--urls", "http://127.0.0.1:5000"];

        Assert.Equal(args, HostCommands.ConfigurationArguments(args));
    }
}

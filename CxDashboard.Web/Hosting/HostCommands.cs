using System.Globalization;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Seeding;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Hosting;

/// <summary>
/// Commands run instead of the web server: <c>migrate</c> applies the migrations of the configured
/// provider; <c>seed-demo [--feedback N] [--friction-issues N] [--actions N] [--metrics N] [--reset]</c> fills the
/// demo retailer, topped up to the given totals of friction issues, actions and weekly metrics.
/// </summary>
public static class HostCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return false;
        }
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CxDashboard.Commands");
        var factory = app.Services.GetRequiredService<IDbContextFactory<CxDbContext>>();
        switch (args[0])
        {
            case "migrate":
                await using (var db = await factory.CreateDbContextAsync())
                {
                    await DatabaseSetup.MigrateAsync(db, logger);
                }
                Console.WriteLine("The database is up to date.");
                return true;

            case "seed-demo":
                var scale = new DemoScale(ReadCount(args, "--feedback", 5_000, "feedback items"), ReadCount(args, "--friction-issues", 0, "friction issues"),
                    ReadCount(args, "--actions", 0, "actions"), ReadCount(args, "--metrics", 0, "metrics"));
                var reset = args.Contains("--reset");
                await using (var db = await factory.CreateDbContextAsync())
                {
                    await DatabaseSetup.MigrateAsync(db, logger);
                }
                var started = TimeProvider.System.GetTimestamp();
                var volume = await app.Services.GetRequiredService<DemoDataSeeder>().SeedAsync(scale, reset);
                var took = TimeProvider.System.GetElapsedTime(started);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Demo data seeded with {scale.Feedback:N0} feedback items in {(took - volume.Took).TotalSeconds:0.0} s."));
                if (volume != DemoVolume.None)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"Added {volume.FrictionIssues:N0} friction issues, {volume.Actions:N0} actions and {volume.Metrics:N0} metrics with {volume.MetricValues:N0} weekly values in {volume.Took.TotalSeconds:0.0} s."));
                }
                return true;

            default:
                throw new StartupConfigurationException(
                    $"'{args[0]}' is not a command: use 'migrate' or 'seed-demo [--feedback N] [--friction-issues N] [--actions N] [--metrics N] [--reset]', or no command to run the app.");
        }
    }

    /// <summary>
    /// The arguments left for configuration once a command's own words are taken out, so that
    /// <c>seed-demo --reset --ConnectionStrings:CxDashboard=…</c> reads the connection string
    /// instead of taking it for the value of <c>--reset</c>.
    /// </summary>
    public static string[] ConfigurationArguments(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("migrate" or "seed-demo"))
        {
            return args;
        }
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--reset")
            {
                continue;
            }
            if (args[i] is "--feedback" or "--friction-issues" or "--actions" or "--metrics")
            {
                i++;
                continue;
            }
            rest.Add(args[i]);
        }
        return [.. rest];
    }

    private static int ReadCount(string[] args, string option, int whenAbsent, string what)
    {
        var index = Array.IndexOf(args, option);
        if (index < 0)
        {
            return whenAbsent;
        }
        if (index + 1 >= args.Length || !int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count > 10_000_000)
        {
            throw new StartupConfigurationException($"{option} takes a whole number of {what}, up to 10,000,000.");
        }
        return count;
    }
}

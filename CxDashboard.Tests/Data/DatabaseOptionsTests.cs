using CxDashboard.Web.Data;
using Microsoft.Extensions.Configuration;

namespace CxDashboard.Tests.Data;

public sealed class DatabaseOptionsTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void With_no_configuration_the_app_uses_sqlite_in_app_data()
    {
        var options = DatabaseSetup.Resolve(Config(), "/srv/cx");

        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.Contains(Path.Combine("/srv/cx", "App_Data", "cxdashboard.db"), options.ConnectionString);
        Assert.True(options.ShouldMigrateOnStart);
        Assert.False(options.ShouldSeedWhenEmpty);
    }

    [Fact]
    public void Only_development_on_sqlite_seeds_the_demo_retailer_at_start_by_default()
    {
        Assert.True(DatabaseSetup.Resolve(Config(), "/srv/cx", development: true).ShouldSeedWhenEmpty);
        Assert.False(DatabaseSetup.Resolve(Config(("Database:Provider", "SqlServer"), ("ConnectionStrings:CxDashboard", "Server=db;Database=cx")),
            "/srv/cx", development: true).ShouldSeedWhenEmpty);
    }

    [Fact]
    public void Asking_for_demo_data_at_start_outside_development_is_refused_with_a_one_line_explanation()
    {
        var error = Assert.Throws<StartupConfigurationException>(() =>
            DatabaseSetup.Resolve(Config(("Database:SeedDemoDataWhenEmpty", "true")), "/srv/cx"));

        Assert.StartsWith("Database:SeedDemoDataWhenEmpty=true is for the Development environment only", error.Message);
        Assert.Contains("'seed-demo'", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Sql_server_without_a_connection_string_is_refused_with_a_one_line_explanation()
    {
        var error = Assert.Throws<StartupConfigurationException>(() =>
            DatabaseSetup.Resolve(Config(("Database:Provider", "SqlServer")), "/srv/cx"));

        Assert.Contains("ConnectionStrings:CxDashboard", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Sql_server_is_never_migrated_or_seeded_silently()
    {
        var options = DatabaseSetup.Resolve(Config(("Database:Provider", "SqlServer"), ("ConnectionStrings:CxDashboard", "Server=db;Database=cx")), "/srv/cx");

        Assert.Equal(DatabaseProvider.SqlServer, options.Provider);
        Assert.False(options.ShouldMigrateOnStart);
        Assert.False(options.ShouldSeedWhenEmpty);
    }

    [Fact]
    public void An_unknown_provider_is_named_in_the_error()
    {
        var error = Assert.Throws<StartupConfigurationException>(() =>
            DatabaseSetup.Resolve(Config(("Database:Provider", "Oracle")), "/srv/cx"));

        Assert.Contains("'Oracle'", error.Message);
    }
}

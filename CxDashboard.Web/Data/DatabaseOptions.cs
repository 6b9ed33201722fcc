namespace CxDashboard.Web.Data;

public enum DatabaseProvider
{
    Sqlite = 1,
    SqlServer = 2,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "CxDashboard";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start. Defaults to on for SQLite and off for SQL Server, which is migrated on purpose.</summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>
    /// Fill an empty database with the demo retailer, demo Admin included, at start. Development only, where it
    /// defaults to on for SQLite; elsewhere the demo retailer comes only from the <c>seed-demo</c> command.
    /// </summary>
    public bool? SeedDemoDataWhenEmpty { get; set; }

    /// <summary>How many feedback items the demo data has when seeded at start.</summary>
    public int DemoFeedbackCount { get; set; } = 5_000;

    /// <summary>Set by <see cref="DatabaseSetup"/>: the connection string actually used.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    public bool ShouldMigrateOnStart => MigrateOnStart ?? Provider == DatabaseProvider.Sqlite;

    public bool ShouldSeedWhenEmpty => SeedDemoDataWhenEmpty == true;
}

/// <summary>The configuration cannot work; the message says what to change, in one line.</summary>
public sealed class StartupConfigurationException(string message) : Exception(message);

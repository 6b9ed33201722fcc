using System.Text.Json;
using CxDashboard.Web.Data.Seeding;

namespace CxDashboard.Bench;

/// <summary>
/// What a completed seed of a growth run's database took, kept beside the file (<c>feedback-N.db.seeded.json</c>) so a
/// later run reuses the database and still reports its seeding. The seeder writes everything in one transaction, so a
/// seed that was stopped leaves no rows of its own; this record is written only after that transaction committed, and
/// deleted before a new seed starts, so its presence with the same scale is what marks a database complete.
/// </summary>
internal sealed record SeededDatabase(
    DemoScale Scale,
    double SeedingSeconds,
    double SearchIndexSeconds,
    double DayCountsSeconds,
    double TopUpSeconds,
    int FrictionIssues,
    int Actions,
    int Metrics,
    int MetricValues,
    string PeakResidentMb,
    DateTime StartedAtUtc,
    DateTime EndedAtUtc,
    string LoadBefore,
    string LoadAfter)
{
    public static string PathFor(string databasePath) => databasePath + ".seeded.json";

    /// <summary>The record of a database seeded completely at <paramref name="scale"/>, or null if it must be seeded again.</summary>
    public static SeededDatabase? ReadComplete(string databasePath, DemoScale scale)
    {
        var path = PathFor(databasePath);
        if (!File.Exists(databasePath) || !File.Exists(path))
        {
            return null;
        }
        try
        {
            var seeded = JsonSerializer.Deserialize<SeededDatabase>(File.ReadAllText(path));
            return seeded?.Scale == scale ? seeded : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Save(string databasePath) =>
        File.WriteAllText(PathFor(databasePath), JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>Deletes the database, its journal files and its seed record, so nothing of a half-built seed is reused.</summary>
    public static void Delete(string databasePath)
    {
        foreach (var file in new[] { PathFor(databasePath), databasePath, databasePath + "-wal", databasePath + "-shm" }.Where(File.Exists))
        {
            File.Delete(file);
        }
    }

    /// <summary>The seeding lines of the report, the same for a seed just run and one reused.</summary>
    public void AddLines(Report report, bool growthRun, bool reused)
    {
        var when = reused
            ? Report.Inv($"; seeded {StartedAtUtc:yyyy-MM-dd HH:mm}–{EndedAtUtc:HH:mm} UTC, load {LoadBefore} → {LoadAfter}, database reused")
            : Report.Inv($"; load {LoadBefore} → {LoadAfter}");
        report.Add(new ReportLine("Seeding", Report.Inv($"demo retailer with {Scale.Feedback:N0} feedback items (DemoDataSeeder.SeedAsync)"),
            Report.Inv($"{SeedingSeconds:0.0} s ({Scale.Feedback / SeedingSeconds:N0} rows/s; the bench's peak RSS so far {PeakResidentMb} MB{when})"), "—",
            growthRun ? "< 15 min" : "< 2 min", SeedingSeconds < (growthRun ? 900 : 120))
        {
            Growth = new("Seeding | demo retailer's feedback", SeedingSeconds * 1000, SeedingSeconds * 1000, 1),
        });
        report.Add(new ReportLine("Seeding", "of which: the search index of the verbatims built from the table (FTS5 'rebuild')",
            Report.Inv($"{SearchIndexSeconds:0.0} s"), "—", "—", null)
        {
            Growth = new("Seeding | search index built", SearchIndexSeconds * 1000, SearchIndexSeconds * 1000, 1),
        });
        report.Add(new ReportLine("Seeding", "of which: the feedback counted per day from the table (daily counts' rebuild)",
            Report.Inv($"{DayCountsSeconds:0.0} s"), "—", "—", null)
        {
            Growth = new("Seeding | daily counts rebuilt", DayCountsSeconds * 1000, DayCountsSeconds * 1000, 1),
        });
        report.Add(new ReportLine("Seeding", Report.Inv($"top-up to scale: {FrictionIssues:N0} friction issues, {Actions:N0} actions, {Metrics:N0} metrics with {MetricValues:N0} weekly values"),
            Report.Inv($"{TopUpSeconds:0.0} s"), "—", "—", null)
        {
            Growth = new("Seeding | top-up", TopUpSeconds * 1000, TopUpSeconds * 1000, 1),
        });
    }
}

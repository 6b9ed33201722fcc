using System.Data.Common;
using CxDashboard.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CxDashboard.Web.Data.Seeding;

/// <summary>
/// Fills the database with a fictional department-store retailer, Hartwell &amp; Finch: teams, people
/// and roles, channels, journey stages, shared metrics with their sign-off history and values, feedback,
/// friction issues, actions, governance reviews and scorecards over the last eight quarters (ending
/// with the current one, by the injected clock). Everything is built through the domain model, so every
/// rule holds; only the feedback rows bypass the change tracker, for speed. A fixed random seed makes
/// the same count and the same day give the same data.
/// </summary>
public sealed partial class DemoDataSeeder(IDbContextFactory<CxDbContext> factory, TimeProvider clock, ILogger<DemoDataSeeder> logger)
{
    public const string AlreadyHoldsData = "The database already holds data; add --reset to replace it with the demo retailer.";

    private const int QuarterCount = 8;
    private const int ProgressEvery = 100_000;

    /// <summary>Every app table, children before parents, so rows can be deleted without breaking a foreign key.</summary>
    private static readonly string[] TablesInDeleteOrder =
    [
        "FeedbackThemes", "FrictionIssueThemes", "ActionNote", "AuditEntries", "ContributingTeam", "Decision", "Feedback", "FrictionChannel",
        "FrictionStatusChange", "LinkedMetric", "MetricEvent", "MetricSignOff", "MetricTarget", "MetricValues", "ReviewAttendee", "RoleGrants",
        "ScorecardCommentary", "ScorecardLine", "Actions", "MetricRevisions", "Channels", "Scorecards", "FrictionIssues",
        "Reviews", "Metrics", "JourneyStages", "Themes", "People", "Teams",
    ];

    public Task SeedAsync(int feedbackCount, bool reset, CancellationToken cancellationToken = default) =>
        SeedAsync(new DemoScale(feedbackCount), reset, cancellationToken);

    /// <summary>Seeds the demo retailer at <paramref name="scale"/>; says what the top-up to that scale added and how long it took.</summary>
    public async Task<DemoVolume> SeedAsync(DemoScale scale, bool reset, CancellationToken cancellationToken = default)
    {
        var feedbackCount = scale.Feedback;
        ArgumentOutOfRangeException.ThrowIfNegative(feedbackCount);
        ArgumentOutOfRangeException.ThrowIfNegative(scale.FrictionIssues);
        ArgumentOutOfRangeException.ThrowIfNegative(scale.Actions);
        ArgumentOutOfRangeException.ThrowIfNegative(scale.Metrics);
        await using var probe = await factory.CreateDbContextAsync(cancellationToken);
        var holdsData = await probe.Teams.AnyAsync(cancellationToken);
        if (!reset && holdsData)
        {
            throw new StartupConfigurationException(AlreadyHoldsData);
        }
        logger.LogInformation("Seeding the demo retailer with {FeedbackCount} feedback items (reset: {Reset})", feedbackCount, reset);
        var started = clock.GetTimestamp();

        // One transaction for everything: a failure leaves the database as it was. SQL Server's
        // retrying strategy needs the whole unit inside it, on a fresh context for each attempt.
        var volume = DemoVolume.None;
        await probe.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            volume = await SeedInTransactionAsync(db, scale, reset, fillsEmpty: !holdsData, cancellationToken);
        });
        logger.LogInformation("Demo retailer seeded in {Seconds:0.0} s", clock.GetElapsedTime(started).TotalSeconds);
        return volume;
    }

    private async Task<DemoVolume> SeedInTransactionAsync(CxDbContext db, DemoScale scale, bool reset, bool fillsEmpty,
        CancellationToken cancellationToken)
    {
        var feedbackCount = scale.Feedback;
        var sqlite = db.Database.IsSqlite();
        // Kept open so that connection settings (below) and the transaction share one connection.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var leftWal = false;
        try
        {
            if (sqlite)
            {
                leftWal = fillsEmpty && await LeaveWriteAheadLogAsync(db, cancellationToken);
                // A seed is all or nothing and can be run again, so skipping the wait for the disk on
                // each write costs nothing worth keeping; a page cache of a gigabyte keeps the tables being
                // filled and the indexes being built in memory while millions of rows go in. SQLite refuses to change synchronous inside a
                // transaction, hence before it; both are restored in finally, since the connection is pooled.
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=OFF; PRAGMA cache_size=-1048576;", cancellationToken);
            }
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (sqlite)
            {
                // Deleting and inserting a million rows through the search index's, the daily counts', the themes' and the
                // tile counts' triggers costs a row at a time; each is instead built once from its table (see below).
                await db.Database.ExecuteSqlRawAsync(FeedbackSearchIndex.DropTriggersSql + FeedbackDayCounts.SqliteDropTriggersSql
                    + ThemeDayCounts.SqliteDropTriggersSql + TileCounts.SqliteDropTriggersSql + TeamActionCounts.SqliteDropTriggersSql
                    + MetricQuarterFigures.SqliteDropTriggersSql, cancellationToken);
            }
            if (reset)
            {
                await DeleteEverythingAsync(db, sqlite, cancellationToken);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var quarters = Period.Containing(DateOnly.FromDateTime(now), PeriodKind.Quarter).LastN(QuarterCount);
            var state = new DemoState(now, quarters);

            await SeedOrganisationAsync(db, state, cancellationToken);
            await SeedMetricsAsync(db, state, cancellationToken);
            await SeedFrictionAndActionsAsync(db, state, cancellationToken);
            await SeedReviewsAsync(db, state, cancellationToken);
            var feedbackIndexes = sqlite ? await DropIndexesAsync(db, ["Feedback"], cancellationToken) : [];
            await SeedFeedbackAsync(db, state, feedbackCount, transaction.GetDbTransaction(), cancellationToken);
            await CreateIndexesAsync(db, feedbackIndexes, "the feedback", cancellationToken);
            var (searchIndexTook, dayCountsTook) = (TimeSpan.Zero, TimeSpan.Zero);
            if (sqlite)
            {
                var step = clock.GetTimestamp();
                await db.Database.ExecuteSqlRawAsync(FeedbackSearchIndex.RebuildForBulkLoadSql + FeedbackSearchIndex.CreateTriggersSql, cancellationToken);
                searchIndexTook = clock.GetElapsedTime(step);
                logger.LogInformation("Built the search index of the feedback in {Seconds:0.0} s", searchIndexTook.TotalSeconds);
                step = clock.GetTimestamp();
                await db.Database.ExecuteSqlRawAsync(FeedbackDayCounts.SqliteRebuildSql + FeedbackDayCounts.SqliteCreateTriggersSql, cancellationToken);
                dayCountsTook = clock.GetElapsedTime(step);
                logger.LogInformation("Counted the feedback per day in {Seconds:0.0} s", dayCountsTook.TotalSeconds);
            }
            await SeedScorecardsAsync(db, state, cancellationToken);
            // Last, so the demo retailer's own rows keep the same ids at every scale.
            var volumeStarted = clock.GetTimestamp();
            var volumeIndexes = sqlite ? await DropIndexesAsync(db, VolumeTables, cancellationToken) : [];
            var volume = await SeedVolumeAsync(db, state, scale, transaction.GetDbTransaction(), cancellationToken);
            await CreateIndexesAsync(db, volumeIndexes, "the friction issues, actions and metric values", cancellationToken);
            await SeedThemesAsync(db, state, transaction.GetDbTransaction(), cancellationToken);
            if (sqlite)
            {
                // The themes page's daily figures, once every item and tag is written (see above).
                await db.Database.ExecuteSqlRawAsync(ThemeDayCounts.SqliteRebuildSql + ThemeDayCounts.SqliteCreateTriggersSql, cancellationToken);
                await db.Database.ExecuteSqlRawAsync(TileCounts.SqliteRebuildSql + TileCounts.SqliteCreateTriggersSql, cancellationToken);
                await db.Database.ExecuteSqlRawAsync(TeamActionCounts.SqliteRebuildSql + TeamActionCounts.SqliteCreateTriggersSql, cancellationToken);
                await db.Database.ExecuteSqlRawAsync(MetricQuarterFigures.SqliteRebuildSql + MetricQuarterFigures.SqliteCreateTriggersSql, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return volume with { Took = clock.GetElapsedTime(volumeStarted), SearchIndexTook = searchIndexTook, DayCountsTook = dayCountsTook };
        }
        finally
        {
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL; PRAGMA cache_size=-2000;", CancellationToken.None);
                if (leftWal)
                {
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", CancellationToken.None);
                }
            }
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task DeleteEverythingAsync(CxDbContext db, bool sqlite, CancellationToken cancellationToken)
    {
        // Teams and people point at each other (a team's lead), and themes at their parents; break those first.
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Teams\" SET \"LeadPersonId\" = NULL", cancellationToken);
        await db.Database.ExecuteSqlRawAsync("UPDATE \"Themes\" SET \"ParentThemeId\" = NULL", cancellationToken);
        foreach (var table in TablesInDeleteOrder)
        {
            // The names come from the fixed list above, never from input.
            var delete = "DELETE FROM \"" + table + "\"";
            await db.Database.ExecuteSqlRawAsync(delete, cancellationToken);
        }
        if (sqlite)
        {
            // Numbering starts again at 1, so a reset database has the same ids as a fresh one.
            await db.Database.ExecuteSqlRawAsync("DELETE FROM sqlite_sequence WHERE name <> 'DataProtectionKeys'", cancellationToken);
        }
        db.ChangeTracker.Clear();
        logger.LogInformation("Deleted the existing data from {Tables} tables", TablesInDeleteOrder.Length);
    }

    private async Task SeedFeedbackAsync(CxDbContext db, DemoState state, int count, DbTransaction transaction,
        CancellationToken cancellationToken)
    {
        var generator = new FeedbackGenerator(state.FeedbackChannels(), state.Stages.ToDictionary(s => s.Key, s => s.Value.Id),
            state.FeedbackEvidence(), state.Quarters, state.Now);
        await using var writer = new FeedbackBulkWriter(db, transaction);
        var nextReport = ProgressEvery;
        foreach (var item in generator.Generate(count))
        {
            await writer.WriteAsync(item, cancellationToken);
            if (writer.Written >= nextReport)
            {
                logger.LogInformation("Inserted {Written} of {Count} feedback items", writer.Written, count);
                nextReport += ProgressEvery;
            }
        }
        await writer.CompleteAsync(cancellationToken);
        logger.LogInformation("Inserted {Count} feedback items", writer.Written);
    }
}

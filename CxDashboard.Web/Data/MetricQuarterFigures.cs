using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Data;

/// <summary>
/// The recorded metric values summed per metric, cadence, channel (0: the total) and quarter: what the quarter's
/// roll-up of every aggregation but "latest" needs (count, sums, weighted sums, sample sizes, the intervals' squared
/// widths). The dashboard and the scorecard show every agreed metric's quarter on a channel; summing the values
/// themselves reads and groups every weekly value of every metric in the quarters (90,000 at 10,000,000 feedback
/// items and 5,000 metrics), while these are one row per metric and quarter. SQLite keeps them right on every write,
/// as <see cref="TileCounts"/>: a table kept by triggers, which sum the quarter's few values of the metric and channel a
/// write touched afresh. SQL Server sums the values themselves: the roll-up multiplies floating-point values (the
/// weighted sums, the intervals' squared widths), which SQL Server's rules for indexed views restrict, and no server
/// was at hand to prove such a view.
/// </summary>
/// <remarks>
/// The interval's ends are kept as sums, which are the value's own ends when the quarter holds one value (the only
/// case the roll-up uses them). SQLite drops a table's triggers with the table: a later migration that makes EF
/// rebuild MetricValues must run <see cref="SqliteCreateTriggersSql"/> and <see cref="SqliteRebuildSql"/> again.
/// </remarks>
public static class MetricQuarterFigures
{
    public const string Name = "MetricQuarterFigures";

    public const string SqliteCreateTableSql = """
        CREATE TABLE "MetricQuarterFigures" (
            "ChannelId" INTEGER NOT NULL,
            "Year" INTEGER NOT NULL,
            "QuarterOfYear" INTEGER NOT NULL,
            "MetricDefinitionId" INTEGER NOT NULL,
            "PeriodKind" INTEGER NOT NULL,
            "Count" INTEGER NOT NULL,
            "Sum" REAL NOT NULL,
            "WeightedSum" REAL NOT NULL,
            "WeightSum" REAL NOT NULL,
            "SampleSum" INTEGER NOT NULL,
            "WithSampleSize" INTEGER NOT NULL,
            "WithInterval" INTEGER NOT NULL,
            "SpreadSquares" REAL NOT NULL,
            "WeightedSpreadSquares" REAL NOT NULL,
            "LowSum" REAL NOT NULL,
            "HighSum" REAL NOT NULL,
            CONSTRAINT "PK_MetricQuarterFigures" PRIMARY KEY ("ChannelId", "Year", "QuarterOfYear", "MetricDefinitionId", "PeriodKind")
        ) WITHOUT ROWID;
        """;

    private const string Columns = """
        "ChannelId", "Year", "QuarterOfYear", "MetricDefinitionId", "PeriodKind", "Count", "Sum", "WeightedSum", "WeightSum",
        "SampleSum", "WithSampleSize", "WithInterval", "SpreadSquares", "WeightedSpreadSquares", "LowSum", "HighSum"
        """;

    // PeriodStart is stored as 'yyyy-MM-dd'.
    private const string Sums = """
        COALESCE(v."ChannelId", 0), CAST(substr(v."PeriodStart", 1, 4) AS INTEGER), (CAST(substr(v."PeriodStart", 6, 2) AS INTEGER) + 2) / 3,
        v."MetricDefinitionId", v."PeriodKind",
        COUNT(*), SUM(v."Value"), SUM(v."Value" * COALESCE(v."SampleSize", 1)), SUM(CAST(COALESCE(v."SampleSize", 1) AS REAL)),
        SUM(COALESCE(v."SampleSize", 0)), SUM(v."SampleSize" IS NOT NULL), SUM(v."Low" IS NOT NULL AND v."High" IS NOT NULL),
        SUM(COALESCE((v."High" - v."Low") * (v."High" - v."Low"), 0)),
        SUM(COALESCE((v."High" - v."Low") * (v."High" - v."Low") * COALESCE(v."SampleSize", 1) * COALESCE(v."SampleSize", 1), 0)),
        SUM(COALESCE(v."Low", 0)), SUM(COALESCE(v."High", 0))
        """;

    // The quarter of the value written counted again from the values themselves (a handful: a quarter's weeks).
    private const string RecountNew = $"""
            DELETE FROM "MetricQuarterFigures"
            WHERE ("ChannelId", "Year", "QuarterOfYear", "MetricDefinitionId", "PeriodKind") = (COALESCE(new."ChannelId", 0),
                CAST(substr(new."PeriodStart", 1, 4) AS INTEGER), (CAST(substr(new."PeriodStart", 6, 2) AS INTEGER) + 2) / 3,
                new."MetricDefinitionId", new."PeriodKind");
            INSERT INTO "MetricQuarterFigures" ({Columns})
            SELECT {Sums}
            FROM "MetricValues" AS v
            WHERE v."MetricDefinitionId" = new."MetricDefinitionId" AND v."PeriodKind" = new."PeriodKind" AND v."ChannelId" IS new."ChannelId"
                AND v."PeriodStart" >= substr(new."PeriodStart", 1, 5) || printf('%02d', (CAST(substr(new."PeriodStart", 6, 2) AS INTEGER) - 1) / 3 * 3 + 1) || '-01'
                AND v."PeriodStart" < date(substr(new."PeriodStart", 1, 5) || printf('%02d', (CAST(substr(new."PeriodStart", 6, 2) AS INTEGER) - 1) / 3 * 3 + 1) || '-01', '+3 months')
            GROUP BY 1, 2, 3, 4, 5;
        """;

    // The same for the quarter the value was in before the write.
    private const string RecountOld = $"""
            DELETE FROM "MetricQuarterFigures"
            WHERE ("ChannelId", "Year", "QuarterOfYear", "MetricDefinitionId", "PeriodKind") = (COALESCE(old."ChannelId", 0),
                CAST(substr(old."PeriodStart", 1, 4) AS INTEGER), (CAST(substr(old."PeriodStart", 6, 2) AS INTEGER) + 2) / 3,
                old."MetricDefinitionId", old."PeriodKind");
            INSERT INTO "MetricQuarterFigures" ({Columns})
            SELECT {Sums}
            FROM "MetricValues" AS v
            WHERE v."MetricDefinitionId" = old."MetricDefinitionId" AND v."PeriodKind" = old."PeriodKind" AND v."ChannelId" IS old."ChannelId"
                AND v."PeriodStart" >= substr(old."PeriodStart", 1, 5) || printf('%02d', (CAST(substr(old."PeriodStart", 6, 2) AS INTEGER) - 1) / 3 * 3 + 1) || '-01'
                AND v."PeriodStart" < date(substr(old."PeriodStart", 1, 5) || printf('%02d', (CAST(substr(old."PeriodStart", 6, 2) AS INTEGER) - 1) / 3 * 3 + 1) || '-01', '+3 months')
            GROUP BY 1, 2, 3, 4, 5;
        """;

    public const string SqliteCreateTriggersSql = $"""
        CREATE TRIGGER "MetricValues_QuarterFigures_Insert" AFTER INSERT ON "MetricValues" BEGIN
        {RecountNew}
        END;
        CREATE TRIGGER "MetricValues_QuarterFigures_Delete" AFTER DELETE ON "MetricValues" BEGIN
        {RecountOld}
        END;
        CREATE TRIGGER "MetricValues_QuarterFigures_Update"
        AFTER UPDATE OF "MetricDefinitionId", "PeriodKind", "PeriodStart", "ChannelId", "Value", "SampleSize", "Low", "High" ON "MetricValues" BEGIN
        {RecountOld}
        {RecountNew}
        END;
        """;

    public const string SqliteDropTriggersSql = """
        DROP TRIGGER IF EXISTS "MetricValues_QuarterFigures_Insert";
        DROP TRIGGER IF EXISTS "MetricValues_QuarterFigures_Delete";
        DROP TRIGGER IF EXISTS "MetricValues_QuarterFigures_Update";
        """;

    /// <summary>Sums everything afresh from MetricValues: one pass, far faster than a trigger per row for a bulk load.</summary>
    public const string SqliteRebuildSql = $"""
        DELETE FROM "MetricQuarterFigures";
        INSERT INTO "MetricQuarterFigures" ({Columns})
        SELECT {Sums}
        FROM "MetricValues" AS v
        GROUP BY 1, 2, 3, 4, 5;
        """;

    public const string SqliteDropTableSql = """
        DROP TABLE IF EXISTS "MetricQuarterFigures";
        """;

    /// <summary>
    /// Every metric's sums per quarter on one channel (null: the total) for the quarters starting in
    /// [<paramref name="from"/>, <paramref name="toExclusive"/>), both a quarter's first day: one range of the key. SQLite only.
    /// </summary>
    public static async Task<List<MetricQuarterFigure>> ReadAsync(CxDbContext db, int? channelId, DateOnly from, DateOnly toExclusive,
        CancellationToken ct)
    {
        var channel = channelId ?? 0;
        var (firstYear, firstQuarter) = (from.Year, (from.Month + 2) / 3);
        var (endYear, endQuarter) = (toExclusive.Year, (toExclusive.Month + 2) / 3);
        return await db.Database.SqlQuery<MetricQuarterFigure>($"""
            SELECT "ChannelId", "Year", "QuarterOfYear", "MetricDefinitionId", "PeriodKind", "Count", "Sum", "WeightedSum", "WeightSum",
                "SampleSum", "WithSampleSize", "WithInterval", "SpreadSquares", "WeightedSpreadSquares", "LowSum", "HighSum"
            FROM "MetricQuarterFigures"
            WHERE "ChannelId" = {channel} AND ("Year", "QuarterOfYear") >= ({firstYear}, {firstQuarter})
                AND ("Year", "QuarterOfYear") < ({endYear}, {endQuarter})
            """).ToListAsync(ct);
    }
}

/// <summary>One row of <see cref="MetricQuarterFigures"/>; a channel of 0 is the total.</summary>
public sealed class MetricQuarterFigure
{
    public int ChannelId { get; init; }
    public int Year { get; init; }
    public int QuarterOfYear { get; init; }
    public int MetricDefinitionId { get; init; }
    public int PeriodKind { get; init; }
    public long Count { get; init; }
    public double Sum { get; init; }
    public double WeightedSum { get; init; }
    public double WeightSum { get; init; }
    public long SampleSum { get; init; }
    public int WithSampleSize { get; init; }
    public int WithInterval { get; init; }
    public double SpreadSquares { get; init; }
    public double WeightedSpreadSquares { get; init; }
    public double LowSum { get; init; }
    public double HighSum { get; init; }
}

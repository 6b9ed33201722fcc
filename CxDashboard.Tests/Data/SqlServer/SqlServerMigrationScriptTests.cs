using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CxDashboard.Tests.Data.SqlServer;

/// <summary>
/// The script a DBA runs to bring a SQL Server database up to date (idempotent, every migration), parsed
/// by Microsoft's T-SQL parser, with the SQL run through EXEC(N'...') parsed too, and the indexed views
/// it creates held to SQL Server's rules for indexed views.
/// </summary>
public sealed class SqlServerMigrationScriptTests
{
    private static readonly Lazy<(string Script, IReadOnlySet<string> NullableFeedbackColumns)> Migrations = new(() =>
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        var feedback = db.Model.FindEntityType(typeof(CxDashboard.Domain.Feedback.FeedbackItem))!;
        var nullable = feedback.GetProperties().Where(p => p.IsColumnNullable()).Select(p => p.GetColumnName()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (script, nullable);
    });

    private static readonly Lazy<IReadOnlyList<(string Text, TSqlScript Script, IReadOnlyList<string> Errors)>> ParsedScript =
        new(() => TSql.ParseWithDynamicSql(Migrations.Value.Script));

    private static IReadOnlyList<(string Text, TSqlScript Script, IReadOnlyList<string> Errors)> Parsed => ParsedScript.Value;

    [Fact]
    public void The_idempotent_migration_script_parses_as_T_SQL_batch_by_batch()
    {
        var (text, script, errors) = Parsed[0];

        Assert.True(errors.Count == 0, "The SQL Server migration script does not parse:\n" + string.Join("\n", errors));
        // The parser splits the script where EF Core put GO: each batch is parsed on its own, as sqlcmd would send it.
        var separators = Regex.Matches(text, @"^GO\s*$", RegexOptions.Multiline).Count;
        Assert.True(script.Batches.Count >= separators, $"{script.Batches.Count} batches were parsed out of a script with {separators} GO lines.");
        Assert.Contains(TSql.All<CreateTableStatement>(script),
            t => IndexedViewRules.Name(t.SchemaObjectName) == "Feedback");
        Assert.Equal(Migrations.Value.Script, text);
    }

    [Fact]
    public void The_SQL_the_script_runs_through_EXEC_parses_too()
    {
        var dynamic = Parsed.Skip(1).ToList();

        Assert.NotEmpty(dynamic);
        Assert.All(dynamic, d => Assert.True(d.Errors.Count == 0,
            $"SQL run through EXEC in the migration script does not parse:\n{string.Join("\n", d.Errors)}\n--- in ---\n{d.Text}"));
        Assert.Contains(dynamic, d => TSql.All<CreateViewStatement>(d.Script).Any());
    }

    [Fact]
    public void The_daily_count_views_meet_every_requirement_of_an_indexed_view()
    {
        // The idempotent script puts each statement inside IF NOT EXISTS (...) BEGIN ... END: found at any depth.
        var views = Parsed.SelectMany(p => TSql.All<CreateViewStatement>(p.Script)).ToList();
        var indexes = Parsed.SelectMany(p => TSql.All<CreateIndexStatement>(p.Script)).ToList();

        Assert.Equal(
            [$"dbo.{TileCounts.ActionsName}", $"dbo.{TeamActionCounts.Name}", $"dbo.{ThemeDayCounts.FeedbackName}", $"dbo.{FeedbackDayCounts.ScoresName}",
             $"dbo.{FeedbackDayCounts.VolumeName}", $"dbo.{TileCounts.FrictionName}", $"dbo.{ThemeDayCounts.ThemesName}"],
            views.Select(v => IndexedViewRules.Name(v.SchemaObjectName)).Distinct().Order());
        var viewNames = views.Select(v => IndexedViewRules.Name(v.SchemaObjectName)).ToHashSet();
        var problems = views.SelectMany(v => IndexedViewRules.Check(v, indexes, Migrations.Value.NullableFeedbackColumns, viewNames)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_views_as_the_app_reads_them_parse_and_use_the_views_index()
    {
        foreach (var sql in new[]
                 {
                     FeedbackDayCounts.SqlServerVolumeQuery, FeedbackDayCounts.SqlServerScoresQuery,
                     ThemeDayCounts.SqlServerFeedbackQuery, ThemeDayCounts.SqlServerThemesQuery,
                 })
        {
            Assert.Empty(TSql.Problems(sql));
            Assert.Contains("WITH (NOEXPAND)", sql);
        }
        Assert.Empty(TSql.Problems(FeedbackDayCounts.SqlServerDropViewsSql));
        Assert.Empty(TSql.Problems(ThemeDayCounts.SqlServerDropViewsSql));
    }

    [Fact]
    public void A_view_breaking_every_rule_is_caught_rule_by_rule()
    {
        const string bad = """
            CREATE VIEW BadCounts AS
            SELECT DISTINCT TOP (10) f.[ChannelId], COUNT(*) AS [Rows], AVG(f.[Score]) AS [Mean], MIN(f.[Score]) AS [Low],
                MAX(f.[Score]) AS [High], SUM(f.[Score]) AS [Total], GETDATE() AS [Now], SYSDATETIME() AS [Then],
                NEWID() AS [Any], RAND() AS [Dice], CURRENT_TIMESTAMP AS [Stamp],
                (SELECT COUNT_BIG(*) FROM [dbo].[Channels]) AS [Channels]
            FROM Feedback AS f
            LEFT JOIN [dbo].[Channels] AS c ON c.[Id] = f.[ChannelId]
            JOIN [dbo].[FeedbackDailyVolume] AS v ON v.[ChannelId] = f.[ChannelId]
            GROUP BY f.[ChannelId]
            """;
        var view = Assert.Single(TSql.Parse(bad, out var errors).Batches.SelectMany(b => b.Statements).OfType<CreateViewStatement>());
        Assert.Empty(errors);

        var problems = string.Join("\n", IndexedViewRules.Check(view, [], new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Score" },
            new HashSet<string> { "dbo.FeedbackDailyVolume" }));

        foreach (var expected in new[]
        {
            "not created WITH SCHEMABINDING", "DISTINCT", "TOP", "without COUNT_BIG(*)",
            "table Feedback without a two-part name", "outer join", "a subquery", "uses COUNT;", "uses AVG", "uses MIN", "uses MAX",
            "sums Score", "reads the view dbo.FeedbackDailyVolume", "calls GETDATE", "calls SYSDATETIME", "calls NEWID", "calls RAND", "calls CurrentTimestamp",
            "no unique clustered index",
        })
        {
            Assert.Contains(expected, problems);
        }
    }

    [Fact]
    public void A_view_that_meets_the_rules_passes_only_with_its_unique_clustered_index()
    {
        const string good = """
            CREATE VIEW [dbo].[GoodCounts] WITH SCHEMABINDING AS
            SELECT [ChannelId], SUM(ISNULL([Score], 0)) AS [Total], COUNT_BIG(*) AS [Count]
            FROM [dbo].[Feedback]
            GROUP BY [ChannelId]
            GO
            CREATE UNIQUE CLUSTERED INDEX [IX_GoodCounts] ON [dbo].[GoodCounts] ([ChannelId]);
            GO
            CREATE UNIQUE NONCLUSTERED INDEX [IX_Other] ON [dbo].[GoodCounts] ([ChannelId]);
            """;
        var statements = TSql.Parse(good, out var errors).Batches.SelectMany(b => b.Statements).ToList();
        Assert.Empty(errors);
        var view = Assert.Single(statements.OfType<CreateViewStatement>());
        var nullable = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Score" };

        var views = new HashSet<string> { "dbo.GoodCounts" };

        Assert.Empty(IndexedViewRules.Check(view, statements.OfType<CreateIndexStatement>(), nullable, views));
        Assert.Equal(["dbo.GoodCounts: has no unique clustered index."],
            IndexedViewRules.Check(view, statements.OfType<CreateIndexStatement>().Skip(1), nullable, views));
    }
}

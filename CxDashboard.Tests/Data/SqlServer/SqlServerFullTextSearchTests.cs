using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using CxDashboard.Web.Hosting.Telemetry;
using CxDashboard.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CxDashboard.Tests.Data.SqlServer;

/// <summary>
/// Full-text search on SQL Server without a server: the migration that creates the catalog and index, as
/// the DBA's idempotent script runs it, and the inbox's search as SQL Server is sent it, with the index
/// (CONTAINS) and without (LIKE).
/// </summary>
public sealed class SqlServerFullTextSearchTests
{
    private static readonly DateTime Now = new(2026, 5, 14, 9, 30, 0, DateTimeKind.Utc);

    private static readonly Lazy<string> Script = new(() =>
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    });

    [Fact]
    public void The_migration_creates_an_accent_insensitive_catalog_and_an_index_on_the_verbatims_only_where_Full_Text_Search_is_installed()
    {
        var parsed = TSql.ParseWithDynamicSql(Script.Value);
        Assert.All(parsed, p => Assert.Empty(p.Errors));

        var catalog = Assert.Single(parsed.SelectMany(p => TSql.All<CreateFullTextCatalogStatement>(p.Script)));
        Assert.Equal(SqlServerSearchIndex.Catalog, catalog.Name.Value);
        var accents = Assert.Single(catalog.Options.OfType<OnOffFullTextCatalogOption>());
        Assert.Equal((FullTextCatalogOptionKind.AccentSensitivity, OptionState.Off), (accents.OptionKind, accents.OptionState));

        var index = Assert.Single(parsed.SelectMany(p => TSql.All<CreateFullTextIndexStatement>(p.Script)));
        Assert.Equal("dbo.Feedback", IndexedViewRules.Name(index.OnName));
        Assert.Equal(["Verbatim"], index.FullTextIndexColumns.Select(c => c.Name.Value));
        Assert.Equal(SqlServerSearchIndex.Catalog, index.CatalogAndFileGroup.CatalogName.Value);
        Assert.Equal(ChangeTrackingOption.Auto, Assert.Single(index.Options.OfType<ChangeTrackingFullTextIndexOption>()).Value);
        Assert.True(Assert.Single(index.Options.OfType<StopListFullTextIndexOption>()).IsOff, "A stoplist would drop words FTS5 keeps.");

        // The full-text index's key must be the table's primary key, by its name in the model.
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.Equal(db.Model.FindEntityType(typeof(FeedbackItem))!.FindPrimaryKey()!.GetName(), index.KeyIndexName.Value);

        // Each runs through EXEC behind a check that the server has Full-Text Search and that it does not exist yet.
        foreach (var create in new[] { "CREATE FULLTEXT CATALOG", "CREATE FULLTEXT INDEX" })
        {
            Assert.Matches(
                $@"IF FULLTEXTSERVICEPROPERTY\('IsFullTextInstalled'\) = 1 AND NOT EXISTS \([^\n]+\)\s+EXEC\(N'{create} ",
                Script.Value);
        }
    }

    [Fact]
    public void The_full_text_statements_run_outside_the_scripts_transactions()
    {
        var script = Script.Value;
        foreach (var create in new[] { "CREATE FULLTEXT CATALOG", "CREATE FULLTEXT INDEX" })
        {
            var at = script.IndexOf(create, StringComparison.Ordinal);
            Assert.True(at > 0, $"The script has no {create}.");
            var begun = script.LastIndexOf("BEGIN TRANSACTION;", at, StringComparison.Ordinal);
            var committed = script.LastIndexOf("COMMIT;", at, StringComparison.Ordinal);
            Assert.True(committed > begun, $"{create} runs inside a transaction, which SQL Server refuses.");
        }
    }

    [Fact]
    public void Down_removes_the_index_then_the_catalog_if_they_exist()
    {
        var parsed = TSql.ParseWithDynamicSql(SqlServerSearchIndex.DropIndexSql + "\n" + SqlServerSearchIndex.DropCatalogSql);

        Assert.All(parsed, p => Assert.Empty(p.Errors));
        Assert.Single(parsed.SelectMany(p => TSql.All<DropFullTextIndexStatement>(p.Script)));
        Assert.Single(parsed.SelectMany(p => TSql.All<DropFullTextCatalogStatement>(p.Script)));
        Assert.Empty(TSql.Problems(SqlServerSearchIndex.ExistsSql));
    }

    public static TheoryData<FeedbackSort> Sorts() => new(Enum.GetValues<FeedbackSort>());

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task With_the_index_the_inbox_search_asks_CONTAINS_with_a_parameter(FeedbackSort sort)
    {
        var server = new SqlServerWithoutServer();

        await Inbox(server, fullTextIndex: true).GetInboxPageAsync(new FeedbackFilter { Text = "late \"delivery\" OR 50%" },
            FeedbackPageRequest.First(sort), HeadOfCx);

        var sent = server.TakeSent();
        Assert.All(sent, s => Assert.Empty(TSql.Problems(s)));
        var search = Assert.Single(sent.SelectMany(s => TSql.All<FullTextPredicate>(TSql.Parse(s, out _))));
        Assert.Equal(FullTextFunctionType.Contains, search.FullTextFunctionType);
        Assert.Equal(["Verbatim"], search.Columns.Select(c => c.MultiPartIdentifier.Identifiers.Last().Value));
        Assert.IsType<VariableReference>(search.Value);
        Assert.DoesNotContain(sent, s => s.Contains("LIKE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_the_index_the_inbox_search_falls_back_to_LIKE()
    {
        var server = new SqlServerWithoutServer();

        await Inbox(server, fullTextIndex: false).GetInboxPageAsync(new FeedbackFilter { Text = "late delivery" }, FeedbackPageRequest.First(),
            HeadOfCx);

        var sent = server.TakeSent();
        Assert.All(sent, s => Assert.Empty(TSql.Problems(s)));
        Assert.Contains(sent, s => s.Contains("[f].[Verbatim] LIKE @", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, s => s.Contains("CONTAINS(", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_search_with_nothing_searchable_asks_for_no_rows_rather_than_an_empty_condition()
    {
        var server = new SqlServerWithoutServer();

        var page = await Inbox(server, fullTextIndex: true).GetInboxPageAsync(new FeedbackFilter { Text = "\"*\" -- ;" },
            FeedbackPageRequest.First(), HeadOfCx);

        Assert.Empty(page.Rows);
        var sent = server.TakeSent();
        Assert.All(sent, s => Assert.Empty(TSql.Problems(s)));
        Assert.DoesNotContain(sent, s => s.Contains("CONTAINS(", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_app_asks_the_server_once_whether_the_index_exists()
    {
        var server = new SqlServerWithoutServer();
        var search = new VerbatimSearch(NullLogger<VerbatimSearch>.Instance);
        var inbox = Inbox(server, search);

        await inbox.GetInboxPageAsync(new FeedbackFilter { Text = "late" }, FeedbackPageRequest.First(), HeadOfCx);
        await inbox.GetInboxPageAsync(new FeedbackFilter { Text = "queue" }, FeedbackPageRequest.First(), HeadOfCx);

        var sent = server.TakeSent();
        var asked = Assert.Single(sent, s => s.Contains("sys.fulltext_indexes", StringComparison.Ordinal));
        Assert.Empty(TSql.Problems(asked));
        // No server answered yes: both searches fell back to LIKE.
        Assert.Equal(2, sent.Count(s => s.Contains("[f].[Verbatim] LIKE @", StringComparison.Ordinal)));
    }

    private static readonly Caller HeadOfCx = new(7, "Sam Example", 3, new HashSet<string> { CxDashboard.Web.Auth.Roles.CxLead });

    private static FeedbackService Inbox(SqlServerWithoutServer server, bool fullTextIndex) =>
        Inbox(server, new VerbatimSearch(NullLogger<VerbatimSearch>.Instance, fullTextIndex));

    private static FeedbackService Inbox(SqlServerWithoutServer server, VerbatimSearch search) =>
        new(server, new FakeTimeProvider(new DateTimeOffset(Now)), Options.Create(new FollowUpOptions()),
            new AppMetrics(MeterRecorder.NewMeterFactory()), search);
}

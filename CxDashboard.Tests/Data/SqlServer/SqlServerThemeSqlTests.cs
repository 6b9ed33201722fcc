using CxDashboard.Domain.Themes;
using CxDashboard.Web.Data;

namespace CxDashboard.Tests.Data.SqlServer;

/// <summary>The SQL that tags feedback with a theme through SQL Server's full-text index, and the rule's CONTAINS condition.</summary>
public sealed class SqlServerThemeSqlTests
{
    [Theory]
    [InlineData(ThemeRuleSql.SqlServerUntagSql)]
    [InlineData(ThemeRuleSql.SqlServerTagSql)]
    [InlineData(ThemeRuleSql.SqlServerCountSql)]
    [InlineData(ThemeRuleSql.SqlServerExamplesSql)]
    public void The_theme_statements_parse(string sql) => Assert.Empty(TSql.Problems(sql));

    [Theory]
    [InlineData("refund*", "\"refund*\"")]
    [InlineData("\"arrived late\"", "\"arrived late\"")]
    [InlineData("delivery NOT late", "(\"delivery\" AND NOT \"late\")")]
    [InlineData("(late OR delay*) parcel", "((\"late\" OR \"delay*\") AND \"parcel\")")]
    [InlineData("don't \"O'Brien [x]\"", "(\"don t\" AND \"o brien x\")")]
    public void A_rule_becomes_a_CONTAINS_condition_of_its_words_only(string rule, string condition)
    {
        var contains = ThemeRuleSql.Contains(ThemeRule.Parse(rule).Root);

        Assert.Equal(condition, contains);
        Assert.Empty(TSql.Problems($"SELECT [Id] FROM [Feedback] WHERE CONTAINS([Verbatim], N'{contains}')"));
    }
}

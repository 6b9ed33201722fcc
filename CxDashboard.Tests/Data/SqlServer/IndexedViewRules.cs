using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CxDashboard.Tests.Data.SqlServer;

/// <summary>
/// SQL Server's documented requirements for an indexed view ("Create indexed views", Requirements), checked
/// in the syntax tree of its CREATE VIEW and the script's CREATE INDEX statements. SQL Server refuses the
/// unique clustered index of a view that breaks one of them, which would stop the migration on the server.
/// </summary>
internal static class IndexedViewRules
{
    private static readonly HashSet<string> NotAllowedAggregates = new(StringComparer.OrdinalIgnoreCase)
    {
        "AVG", "MIN", "MAX", "STDEV", "STDEVP", "VAR", "VARP", "CHECKSUM_AGG", "STRING_AGG", "APPROX_COUNT_DISTINCT",
    };

    private static readonly HashSet<string> Nondeterministic = new(StringComparer.OrdinalIgnoreCase)
    {
        "GETDATE", "GETUTCDATE", "SYSDATETIME", "SYSUTCDATETIME", "SYSDATETIMEOFFSET", "NEWID", "NEWSEQUENTIALID", "RAND",
        "CURRENT_TIMESTAMP", "CURRENT_USER", "USER_NAME", "SUSER_SNAME", "HOST_NAME", "APP_NAME", "ROW_NUMBER", "RANK",
        "DENSE_RANK", "NTILE", "OPENQUERY", "OPENROWSET", "OPENDATASOURCE", "OPENXML",
    };

    /// <summary>
    /// What is wrong with <paramref name="view"/> as an indexed view; empty when nothing is.
    /// <paramref name="nullableColumns"/> names the columns that may hold NULL, which SUM must not take;
    /// <paramref name="views"/> the views in the database (schema.name), which an indexed view may not read.
    /// </summary>
    public static IReadOnlyList<string> Check(CreateViewStatement view, IEnumerable<CreateIndexStatement> indexes,
        IReadOnlySet<string> nullableColumns, IReadOnlySet<string> views)
    {
        var name = Name(view.SchemaObjectName);
        var problems = new List<string>();
        void Problem(string text) => problems.Add($"{name}: {text}");

        if (view.ViewOptions.All(o => o.OptionKind != ViewOptionKind.SchemaBinding))
        {
            Problem("is not created WITH SCHEMABINDING.");
        }
        if (view.SelectStatement.QueryExpression is not QuerySpecification query)
        {
            Problem("is not a single SELECT (UNION, EXCEPT and INTERSECT are not allowed).");
        }
        else
        {
            if (query.UniqueRowFilter == UniqueRowFilter.Distinct)
            {
                Problem("uses DISTINCT.");
            }
            if (query.TopRowFilter is not null)
            {
                Problem("uses TOP.");
            }
            if (query.GroupByClause is not null && !query.SelectElements.Any(CountsAllRows))
            {
                Problem("groups rows without COUNT_BIG(*) in its select list.");
            }
            if (query.SelectElements.OfType<SelectStarExpression>().Any())
            {
                Problem("selects * rather than naming its columns.");
            }
        }
        if (view.SelectStatement.WithCtesAndXmlNamespaces is not null)
        {
            Problem("uses a common table expression.");
        }

        var body = new Body(nullableColumns, views);
        view.SelectStatement.Accept(body);
        problems.AddRange(body.Problems.Distinct().Select(p => $"{name}: {p}"));

        if (!indexes.Any(i => i.Unique && i.Clustered == true && Name(i.OnName) == name))
        {
            Problem("has no unique clustered index.");
        }
        return problems;
    }

    public static string Name(SchemaObjectName name) =>
        name.SchemaIdentifier is null ? name.BaseIdentifier.Value : $"{name.SchemaIdentifier.Value}.{name.BaseIdentifier.Value}";

    private static bool CountsAllRows(SelectElement element) =>
        element is SelectScalarExpression { Expression: FunctionCall call }
        && call.FunctionName.Value.Equals("COUNT_BIG", StringComparison.OrdinalIgnoreCase)
        && call.Parameters is [ColumnReferenceExpression { ColumnType: ColumnType.Wildcard }];

    private sealed class Body(IReadOnlySet<string> nullableColumns, IReadOnlySet<string> views) : TSqlFragmentVisitor
    {
        public List<string> Problems { get; } = [];

        public override void Visit(NamedTableReference node)
        {
            if (node.SchemaObject.SchemaIdentifier is null || node.SchemaObject.DatabaseIdentifier is not null)
            {
                Problems.Add($"names table {node.SchemaObject.BaseIdentifier.Value} without a two-part name (schema.table).");
            }
            if (views.Contains(Name(node.SchemaObject)))
            {
                Problems.Add($"reads the view {Name(node.SchemaObject)}; an indexed view reads base tables only.");
            }
        }

        public override void Visit(QualifiedJoin node)
        {
            if (node.QualifiedJoinType is QualifiedJoinType.LeftOuter or QualifiedJoinType.RightOuter or QualifiedJoinType.FullOuter)
            {
                Problems.Add("uses an outer join.");
            }
        }

        public override void Visit(UnqualifiedJoin node)
        {
            if (node.UnqualifiedJoinType is UnqualifiedJoinType.CrossApply or UnqualifiedJoinType.OuterApply)
            {
                Problems.Add("uses APPLY.");
            }
        }

        public override void Visit(ScalarSubquery node) => Problems.Add("uses a subquery.");

        public override void Visit(QueryDerivedTable node) => Problems.Add("selects from a derived table (a subquery).");

        public override void Visit(ParameterlessCall node) => Problems.Add($"calls {node.ParameterlessCallType}, which is not deterministic.");

        public override void Visit(GlobalVariableExpression node) => Problems.Add($"reads {node.Name}, which is not deterministic.");

        public override void Visit(FunctionCall node)
        {
            var function = node.FunctionName.Value;
            if (function.Equals("COUNT", StringComparison.OrdinalIgnoreCase))
            {
                Problems.Add("uses COUNT; an indexed view counts with COUNT_BIG.");
            }
            else if (NotAllowedAggregates.Contains(function))
            {
                Problems.Add($"uses {function.ToUpperInvariant()}, which an indexed view may not.");
            }
            else if (Nondeterministic.Contains(function))
            {
                Problems.Add($"calls {function.ToUpperInvariant()}, which is not deterministic.");
            }
            else if (function.Equals("SUM", StringComparison.OrdinalIgnoreCase)
                && node.Parameters is [ColumnReferenceExpression column]
                && nullableColumns.Contains(column.MultiPartIdentifier.Identifiers[^1].Value))
            {
                Problems.Add($"sums {column.MultiPartIdentifier.Identifiers[^1].Value}, which may be NULL (wrap it in ISNULL).");
            }
            if (node.OverClause is not null)
            {
                Problems.Add($"uses {function.ToUpperInvariant()} OVER (a window function).");
            }
        }
    }
}

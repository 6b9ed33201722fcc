using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CxDashboard.Tests.Data.SqlServer;

/// <summary>Microsoft's own T-SQL parser, for SQL Server 2022 (compatibility level 160), quoted identifiers on as EF Core sends them.</summary>
internal static class TSql
{
    public static TSqlScript Parse(string sql, out IReadOnlyList<string> errors)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        var script = (TSqlScript)parser.Parse(new StringReader(sql), out var parseErrors);
        errors = parseErrors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList();
        return script;
    }

    /// <summary>
    /// The parse errors of <paramref name="sql"/> and of the SQL it runs through EXEC(N'...'), which the
    /// parser sees only as a string: each is parsed in turn. Every problem names the text it is in.
    /// </summary>
    public static IReadOnlyList<string> Problems(string sql)
    {
        var problems = new List<string>();
        foreach (var (text, _, errors) in ParseWithDynamicSql(sql))
        {
            problems.AddRange(errors.Select(e => $"{e}\n--- in ---\n{text}"));
        }
        return problems;
    }

    /// <summary><paramref name="sql"/> parsed, followed by every string it runs with EXEC(...), parsed too (recursively).</summary>
    public static IReadOnlyList<(string Text, TSqlScript Script, IReadOnlyList<string> Errors)> ParseWithDynamicSql(string sql)
    {
        var parsed = new List<(string, TSqlScript, IReadOnlyList<string>)>();
        var pending = new Queue<string>([sql]);
        while (pending.TryDequeue(out var text))
        {
            var script = Parse(text, out var errors);
            parsed.Add((text, script, errors));
            var executed = new ExecutedStrings();
            script.Accept(executed);
            foreach (var inner in executed.Strings)
            {
                pending.Enqueue(inner);
            }
        }
        return parsed;
    }

    /// <summary>Every node of type <typeparamref name="T"/> in <paramref name="fragment"/>, at any depth (inside IF, BEGIN … END).</summary>
    public static IReadOnlyList<T> All<T>(TSqlFragment fragment) where T : TSqlFragment
    {
        var found = new Found<T>();
        fragment.Accept(found);
        return found.Nodes;
    }

    private sealed class Found<T> : TSqlFragmentVisitor where T : TSqlFragment
    {
        public List<T> Nodes { get; } = [];

        public override void Visit(TSqlFragment node)
        {
            if (node is T match)
            {
                Nodes.Add(match);
            }
        }
    }

    private sealed class ExecutedStrings : TSqlFragmentVisitor
    {
        public List<string> Strings { get; } = [];

        public override void Visit(ExecuteStatement node)
        {
            if (node.ExecuteSpecification?.ExecutableEntity is ExecutableStringList list)
            {
                // EXEC('a' + 'b') runs the strings joined; the literal's Value has its quotes already undoubled.
                Strings.Add(string.Concat(list.Strings.OfType<StringLiteral>().Select(s => s.Value)));
            }
        }
    }
}

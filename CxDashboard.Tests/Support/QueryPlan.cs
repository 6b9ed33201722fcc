using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Tests.Support;

/// <summary>How SQLite would run a query EF Core builds: the lines of <c>EXPLAIN QUERY PLAN</c>, with the query's own parameters.</summary>
public static class QueryPlan
{
    public static async Task<IReadOnlyList<string>> OfAsync<T>(DbContext db, IQueryable<T> query)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = query.CreateDbCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
            var lines = new List<string>();
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(reader.GetOrdinal("detail")));
            }
            return lines;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// No line reads a whole table or a whole index in order ("SCAN"), and nothing is sorted afterwards ("TEMP B-TREE"):
    /// what the query reads grows with the rows it returns, not with the table.
    /// </summary>
    public static void AssertSeeksOnly(IReadOnlyList<string> plan)
    {
        Assert.NotEmpty(plan);
        Assert.DoesNotContain(plan, line => line.StartsWith("SCAN ", StringComparison.Ordinal) || line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }
}

using CxDashboard.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>
/// Whether the inbox's search box finds words and word beginnings through a full-text index: always on
/// SQLite (FTS5); on SQL Server where the FullTextSearch migration could create the index (the server has
/// Full-Text Search), otherwise the search falls back to finding the typed text anywhere with LIKE. SQL
/// Server is asked once, at start or at the first search, and the answer kept (an index created later is
/// used after a restart); the answer is logged.
/// </summary>
public sealed class VerbatimSearch(ILogger<VerbatimSearch> logger)
{
    private const int Unknown = 0;
    private const int FullTextIndex = 1;
    private const int Like = 2;

    private int _sqlServerMethod;

    /// <summary>A search whose SQL Server method is already known, for the tests that run without a server.</summary>
    internal VerbatimSearch(ILogger<VerbatimSearch> logger, bool sqlServerHasFullTextIndex) : this(logger) =>
        _sqlServerMethod = sqlServerHasFullTextIndex ? FullTextIndex : Like;

    public async ValueTask<bool> MatchesWordsAsync(CxDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            return true;
        }
        var known = Volatile.Read(ref _sqlServerMethod);
        if (known != Unknown)
        {
            return known == FullTextIndex;
        }
        var indexed = await db.Database.SqlQueryRaw<int>(SqlServerSearchIndex.ExistsSql).SingleAsync(cancellationToken) == 1;
        if (Interlocked.CompareExchange(ref _sqlServerMethod, indexed ? FullTextIndex : Like, Unknown) == Unknown)
        {
            if (indexed)
            {
                logger.LogInformation("The inbox search uses SQL Server's full-text index (CONTAINS); it reflects a save within seconds, not at once.");
            }
            else
            {
                logger.LogWarning(
                    "The inbox search uses LIKE: Feedback has no full-text index (Full-Text Search is not installed on this server, " +
                    "or the FullTextSearch migration has not run), so each search reads every verbatim.");
            }
        }
        return indexed;
    }
}

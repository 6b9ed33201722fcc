using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Web.Data;
using CxDashboard.Web.Data.Configurations;
using CxDashboard.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Feedback;

public sealed partial class FeedbackService
{
    /// <summary>
    /// One page of the inbox, newest first by default. Pages are found by seeking from the row at the
    /// edge of the previous page (keyset), so page 10,000 costs what page 1 costs; the total is
    /// counted only up to <see cref="FeedbackPage.CountCap"/>, and not at all for a text search,
    /// which would otherwise read every row.
    /// </summary>
    public async Task<FeedbackPage> GetInboxPageAsync(FeedbackFilter filter, FeedbackPageRequest request, Caller caller,
        CancellationToken cancellationToken = default)
    {
        var pageSize = Math.Clamp(request.PageSize, 1, FeedbackPageRequest.MaxPageSize);
        var now = Now;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var filtered = await FilterAsync(db, filter, now, search, cancellationToken);

        var backwards = request.Before is not null && request.After is null;
        var page = filtered;
        if (request.After is { } after)
        {
            page = Seek(page, request.Sort, after, towardsEnd: true);
        }
        else if (request.Before is { } before)
        {
            page = Seek(page, request.Sort, before, towardsEnd: false);
        }
        var rows = await Project(Order(page, request.Sort, reversed: backwards).Take(pageSize + 1), MaySeeCustomerRef(caller), now)
            .ToListAsync(cancellationToken);

        var more = rows.Count > pageSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        if (backwards)
        {
            rows.Reverse();
        }
        rows = await WithThemesAsync(db, rows, cancellationToken);
        var hasNext = backwards ? request.Before is not null : more;
        var hasPrevious = backwards ? more : request.After is not null;

        var (total, atLeast) = string.IsNullOrWhiteSpace(filter.Text)
            ? await CappedCountAsync(filtered, cancellationToken)
            : (0, true);
        return new FeedbackPage(rows, hasNext, hasPrevious, total, atLeast);
    }

    /// <summary>The page's rows with the themes each mentions: one query for the page, not one per row.</summary>
    private static async Task<List<FeedbackRow>> WithThemesAsync(CxDbContext db, List<FeedbackRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var tags = await db.FeedbackThemes.AsNoTracking()
            .Where(l => ids.Contains(l.FeedbackItemId))
            .Select(l => new { l.FeedbackItemId, l.ThemeId })
            .ToListAsync(cancellationToken);
        if (tags.Count == 0)
        {
            return rows;
        }
        var names = await ThemeTagging.ActiveThemeNamesAsync(db, cancellationToken);
        var byItem = tags.Where(t => names.ContainsKey(t.ThemeId)).ToLookup(t => t.FeedbackItemId, t => names[t.ThemeId]);
        return rows.Select(r => r with { Themes = byItem[r.Id].Order(StringComparer.CurrentCultureIgnoreCase).ToList() }).ToList();
    }

    private static async Task<(int Total, bool AtLeast)> CappedCountAsync(IQueryable<FeedbackItem> filtered, CancellationToken cancellationToken)
    {
        var counted = await filtered.Take(FeedbackPage.CountCap + 1).CountAsync(cancellationToken);
        return counted > FeedbackPage.CountCap ? (FeedbackPage.CountCap, true) : (counted, false);
    }

    internal static async Task<IQueryable<FeedbackItem>> FilterAsync(CxDbContext db, FeedbackFilter filter, DateTime now,
        VerbatimSearch search, CancellationToken cancellationToken)
    {
        var query = db.Feedback.AsNoTracking();
        if (filter.FromUtc is { } from)
        {
            query = query.Where(f => f.ReceivedAt >= from);
        }
        if (filter.ToUtc is { } to)
        {
            query = query.Where(f => f.ReceivedAt < to);
        }
        if (filter.ChannelId is { } channelId)
        {
            query = query.Where(f => f.ChannelId == channelId);
        }
        if (filter.Source is { } source)
        {
            query = query.Where(f => f.Source == source);
        }
        if (filter.JourneyStageId is { } stageId)
        {
            query = query.Where(f => f.JourneyStageId == stageId);
        }
        if (filter.Category is { } category)
        {
            query = query.Where(f => f.Category == category);
        }
        if (filter.Sentiment is { } sentiment)
        {
            query = query.Where(f => f.Sentiment == sentiment);
        }
        if (filter.Band is { } band)
        {
            query = query.Where(f => f.ScoreBand == band);
        }
        if (filter.ThemeId is { } themeId)
        {
            query = query.Where(f => db.FeedbackThemes.Where(l => l.ThemeId == themeId).Select(l => l.FeedbackItemId).Contains(f.Id));
        }
        if (filter.FrictionIssueId is { } issueId)
        {
            query = query.Where(f => f.FrictionIssueId == issueId);
        }
        else if (filter.Linked is { } linked)
        {
            // A two-sided range rather than IS NOT NULL: SQLite then reads the few linked rows from their
            // index instead of walking the whole inbox newest first looking for them.
            query = linked
                ? query.Where(f => f.FrictionIssueId >= 1 && f.FrictionIssueId <= int.MaxValue)
                : query.Where(f => f.FrictionIssueId == null);
        }
        query = filter.FollowUp switch
        {
            FollowUpFilter.None => query.Where(f => f.FollowUpStatus == FollowUpStatus.None),
            FollowUpFilter.Open => query.Where(f => f.FollowUpStatus == FollowUpStatus.Open),
            FollowUpFilter.Overdue => Overdue(query, now),
            FollowUpFilter.Contacted => query.Where(f => f.FollowUpStatus == FollowUpStatus.Contacted),
            FollowUpFilter.Resolved => query.Where(f => f.FollowUpStatus == FollowUpStatus.Resolved),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            query = await MatchingTextAsync(db, query, filter.Text, search, cancellationToken);
        }
        return query;
    }

    /// <summary>
    /// The overdue follow-ups. The bound on the time received asks for no other rows (see
    /// <see cref="FeedbackItem.OverdueOnlyIfReceivedBefore"/>), but it lets SQLite walk the inbox's
    /// (FollowUpStatus, ReceivedAt, Id, FollowUpDueAt) index in its order and stop at a page; on the due time alone it
    /// reads every overdue row from the table and sorts them all for one page, a cost that grows with the data.
    /// </summary>
    internal static IQueryable<FeedbackItem> Overdue(IQueryable<FeedbackItem> query, DateTime now)
    {
        var receivedBefore = FeedbackItem.OverdueOnlyIfReceivedBefore(now);
        return query.Where(f => f.FollowUpStatus == FollowUpStatus.Open && f.ReceivedAt < receivedBefore && f.FollowUpDueAt < now);
    }

    /// <summary>
    /// The rows whose verbatim has every typed word as the beginning of a word, from the full-text index:
    /// SQLite's (FTS5), or SQL Server's (CONTAINS) where the server has one; a search for a word nobody
    /// used answers at once instead of reading every row. A SQL Server without the index finds the typed
    /// text anywhere with LIKE, case-insensitive under its default collation.
    /// </summary>
    private static async Task<IQueryable<FeedbackItem>> MatchingTextAsync(CxDbContext db, IQueryable<FeedbackItem> query, string text,
        VerbatimSearch search, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            if (!await search.MatchesWordsAsync(db, cancellationToken))
            {
                var pattern = LikePattern.Containing(text);
                return query.Where(f => EF.Functions.Like(f.Verbatim, pattern, LikePattern.Escape));
            }
            return SqlServerSearchIndex.ContainsCondition(text) is { } condition
                ? query.Where(f => EF.Functions.Contains(f.Verbatim, condition))
                : query.Where(f => false);
        }
        if (FeedbackSearchIndex.MatchQuery(text) is not { } match)
        {
            return query.Where(f => false);
        }
        var ids = db.Database.SqlQuery<int>(
            $"SELECT rowid AS \"Value\" FROM \"FeedbackSearch\" WHERE \"FeedbackSearch\" MATCH {match}");
        // Few matches are fastest fetched from the index and sorted. Many (a common word) are fastest found
        // by walking the inbox in its order, stopping at a page: a word in most rows (a short one the index
        // keeps as a prefix, such as "the") by checking each row against the index, which stops after a few
        // dozen rows; any other by listing the matches once and looking each row up in the list ("Id + 0"
        // stops SQLite from looking rows up by the matches' ids, so that it walks the inbox's own index).
        // The index counts up to each threshold cheaply. Count(…) > 0 rather than Any: EF Core turns Any
        // into IN, which would list every match.
        if (await ids.Take(CommonWordMatches + 1).CountAsync(cancellationToken) <= CommonWordMatches)
        {
            return query.Where(f => ids.Contains(f.Id));
        }
        var inMostRows = FeedbackSearchIndex.HasOnlyIndexedPrefixes(text)
            && await ids.Take(EverywhereWordMatches + 1).CountAsync(cancellationToken) > EverywhereWordMatches;
        return inMostRows
            ? query.Where(f => ids.Count(id => id == f.Id) > 0)
            : query.Where(f => ids.Contains(f.Id + 0));
    }

    private const int CommonWordMatches = 5_000;

    // Beyond this many matches, listing them all costs more than checking the rows of one page one by one.
    private const int EverywhereWordMatches = 200_000;

    private const string ScoreSortKey = FeedbackItemConfiguration.ScoreSortKey;

    private static bool IsDescending(FeedbackSort sort) => sort is FeedbackSort.NewestFirst or FeedbackSort.HighestScoreFirst;

    internal static IQueryable<FeedbackItem> Order(IQueryable<FeedbackItem> query, FeedbackSort sort, bool reversed)
    {
        var descending = IsDescending(sort) != reversed;
        var byScore = sort is FeedbackSort.HighestScoreFirst or FeedbackSort.LowestScoreFirst;
        if (byScore)
        {
            // The sort key is the score with unscored feedback as -1, below every score, on both providers
            // alike; it is a computed column so that an index serves the order and the seek.
            return descending
                ? query.OrderByDescending(f => EF.Property<int>(f, ScoreSortKey)).ThenByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id)
                : query.OrderBy(f => EF.Property<int>(f, ScoreSortKey)).ThenBy(f => f.ReceivedAt).ThenBy(f => f.Id);
        }
        return descending
            ? query.OrderByDescending(f => f.ReceivedAt).ThenByDescending(f => f.Id)
            : query.OrderBy(f => f.ReceivedAt).ThenBy(f => f.Id);
    }

    /// <summary>
    /// The rows beyond <paramref name="cursor"/> in the display order (towards the end) or before it.
    /// The redundant bound on ReceivedAt alone lets both databases seek the (…, ReceivedAt, Id) index
    /// instead of walking it from the top.
    /// </summary>
    private static IQueryable<FeedbackItem> Seek(IQueryable<FeedbackItem> query, FeedbackSort sort, FeedbackCursor cursor, bool towardsEnd)
    {
        var smaller = IsDescending(sort) == towardsEnd;
        var at = cursor.ReceivedAt;
        var id = cursor.Id;
        if (sort is FeedbackSort.NewestFirst or FeedbackSort.OldestFirst)
        {
            return smaller
                ? query.Where(f => f.ReceivedAt <= at && (f.ReceivedAt < at || f.Id < id))
                : query.Where(f => f.ReceivedAt >= at && (f.ReceivedAt > at || f.Id > id));
        }
        var score = cursor.Score ?? FeedbackItemConfiguration.UnscoredSortKey;
        return smaller
            ? query.Where(f => EF.Property<int>(f, ScoreSortKey) <= score
                && (EF.Property<int>(f, ScoreSortKey) < score || f.ReceivedAt < at || (f.ReceivedAt == at && f.Id < id)))
            : query.Where(f => EF.Property<int>(f, ScoreSortKey) >= score
                && (EF.Property<int>(f, ScoreSortKey) > score || f.ReceivedAt > at || (f.ReceivedAt == at && f.Id > id)));
    }

    private static IQueryable<FeedbackRow> Project(IQueryable<FeedbackItem> query, bool showCustomerRef, DateTime now) =>
        query.Select(f => new FeedbackRow(
            f.Id,
            f.ReceivedAt,
            f.ChannelId,
            f.JourneyStageId,
            f.Source,
            f.Category,
            f.Sentiment,
            f.ScoreScale,
            f.Score,
            f.ScoreBand,
            f.Verbatim.Substring(0, VerbatimPreviewLength),
            f.Verbatim.Length > VerbatimPreviewLength,
            showCustomerRef ? f.CustomerRef : null,
            f.FollowUpStatus,
            f.FollowUpDueAt,
            f.FollowUpStatus == FollowUpStatus.Open && f.FollowUpDueAt < now,
            f.FrictionIssueId));

    /// <summary>Everything about one feedback item, with what <paramref name="caller"/> may do to it.</summary>
    public async Task<FeedbackDetail> GetDetailAsync(int feedbackId, Caller caller, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await db.Feedback.AsNoTracking()
            .Where(f => f.Id == feedbackId)
            .Select(f => new
            {
                Item = f,
                Version = EF.Property<int>(f, CxDbContext.VersionProperty),
                Channel = db.Channels.Where(c => c.Id == f.ChannelId).Select(c => new { c.Name, c.OwningTeamId }).First(),
                Stage = db.JourneyStages.Where(s => s.Id == f.JourneyStageId).Select(s => s.Name).FirstOrDefault(),
                RecordedBy = db.People.Where(p => p.Id == f.RecordedByPersonId).Select(p => p.DisplayName).FirstOrDefault(),
                Owner = db.People.Where(p => p.Id == f.FollowUpOwnerPersonId)
                    .Select(p => new { p.DisplayName, Team = db.Teams.Where(t => t.Id == p.TeamId).Select(t => t.Name).FirstOrDefault() })
                    .FirstOrDefault(),
                Issue = db.FrictionIssues.Where(i => i.Id == f.FrictionIssueId).Select(i => i.Title).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"Feedback #{feedbackId} does not exist.");

        var f = found.Item;
        var now = Now;
        var followUp = new FollowUpView(
            f.FollowUpStatus,
            f.FollowUpOwnerPersonId,
            found.Owner?.DisplayName,
            found.Owner?.Team,
            f.FollowUpDueAt,
            f.IsFollowUpOverdue(now),
            f.ContactedAt,
            f.FollowUpResolvedAt,
            f.FollowUpNote,
            f.FollowUpStatus is FollowUpStatus.Open or FollowUpStatus.Contacted
                && MayUpdateFollowUp(caller, f.FollowUpOwnerPersonId, found.Channel.OwningTeamId),
            f.FollowUpStatus is FollowUpStatus.Open or FollowUpStatus.Contacted
                && MayReassignFollowUp(caller, found.Channel.OwningTeamId));
        return new FeedbackDetail(
            f.Id, found.Version, f.ReceivedAt, f.RecordedAt, found.RecordedBy, found.Channel.Name, f.JourneyStageId, found.Stage,
            f.Source, f.Category, f.Sentiment, f.ScoreScale, f.Score, f.ScoreBand, f.Verbatim,
            MaySeeCustomerRef(caller) ? f.CustomerRef : null, f.ExternalId, f.FrictionIssueId, found.Issue, followUp, MayRecord(caller));
    }

    /// <summary>
    /// Feedback counts by sentiment per period and channel over the days [from, toExclusive) (UTC), for the
    /// dashboard. The database sums its daily counts (<see cref="FeedbackDayCounts"/>) by month (weeks:
    /// reads the days); these are then summed into the requested periods. Periods and channels without
    /// feedback are absent.
    /// </summary>
    public async Task<IReadOnlyList<FeedbackVolumePoint>> GetVolumeBySentimentAsync(DateOnly from, DateOnly toExclusive, PeriodKind bucket,
        int? channelId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.FeedbackDailyVolume.AsNoTracking().Where(v => v.Day >= from && v.Day < toExclusive);
        if (channelId is { } id)
        {
            query = query.Where(v => v.ChannelId == id);
        }

        List<(DateOnly Day, int ChannelId, Sentiment Sentiment, long Count)> counts;
        if (bucket == PeriodKind.Week)
        {
            var byDay = await query
                .Select(v => new { v.Day, v.ChannelId, v.Sentiment, v.Count })
                .ToListAsync(cancellationToken);
            counts = byDay.Select(x => (x.Day, x.ChannelId, x.Sentiment, x.Count)).ToList();
        }
        else
        {
            var byMonth = await query
                .GroupBy(v => new { v.Day.Year, v.Day.Month, v.ChannelId, v.Sentiment })
                .Select(g => new { g.Key.Year, g.Key.Month, g.Key.ChannelId, g.Key.Sentiment, Count = g.Sum(v => v.Count) })
                .ToListAsync(cancellationToken);
            counts = byMonth.Select(x => (new DateOnly(x.Year, x.Month, 1), x.ChannelId, x.Sentiment, x.Count)).ToList();
        }

        return counts
            .GroupBy(c => (Period: Period.Containing(c.Day, bucket), c.ChannelId))
            .Select(g => new FeedbackVolumePoint(
                g.Key.Period,
                g.Key.ChannelId,
                (int)g.Where(c => c.Sentiment == Sentiment.Positive).Sum(c => c.Count),
                (int)g.Where(c => c.Sentiment == Sentiment.Neutral).Sum(c => c.Count),
                (int)g.Where(c => c.Sentiment == Sentiment.Negative).Sum(c => c.Count)))
            .OrderBy(p => p.Period).ThenBy(p => p.ChannelId)
            .ToList();
    }
}

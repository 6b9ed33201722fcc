using System.Data.Common;
using CxDashboard.Domain.Feedback;

namespace CxDashboard.Web.Data;

/// <summary>
/// Inserts feedback items through a <see cref="BulkRowWriter"/> (prepared INSERTs on SQLite, SqlBulkCopy on
/// SQL Server, inside the caller's transaction): a million rows would take minutes through the change tracker.
/// Table and column names come from the context's model; the version token starts at 0, as EF does. Used by
/// the demo seeding and by the CSV feedback import; neither goes through the change tracker, so neither gets
/// per-row audit entries from the context.
/// </summary>
public sealed class FeedbackBulkWriter(CxDbContext db, DbTransaction transaction, bool returnIds = false) : IAsyncDisposable
{
    /// <summary>The properties written, in the order <see cref="WriteAsync"/> supplies their values.</summary>
    internal static readonly BulkColumn[] Columns =
    [
        new("ExternalId", BulkType.Text), new("ExternalSource", BulkType.Text), new("ExternalKey", BulkType.Text), new("ReceivedAt", BulkType.Timestamp), new("RecordedAt", BulkType.Timestamp),
        new("ChannelId", BulkType.Int), new("JourneyStageId", BulkType.Int), new("Source", BulkType.Int), new("Category", BulkType.Int),
        new("Sentiment", BulkType.Int), new("ScoreScale", BulkType.Int), new("Score", BulkType.Int), new("ScoreBand", BulkType.Int),
        new("Verbatim", BulkType.Text), new("CustomerRef", BulkType.Text), new("RecordedByPersonId", BulkType.Int),
        new("FrictionIssueId", BulkType.Int), new("FollowUpStatus", BulkType.Int), new("FollowUpOwnerPersonId", BulkType.Int),
        new("FollowUpDueAt", BulkType.Timestamp), new("ContactedAt", BulkType.Timestamp), new("FollowUpResolvedAt", BulkType.Timestamp),
        new("FollowUpNote", BulkType.Text), new("Version", BulkType.Int),
    ];

    // Boxing every integer of a million rows costs more than the insert; small values are boxed once.
    private static readonly object[] BoxedInts = Enumerable.Range(0, 4096).Select(i => (object)i).ToArray();

    private readonly BulkRowWriter _rows = new(transaction, BulkTable.Of<FeedbackItem>(db, Columns), returnIds);

    /// <summary>Whether the rows go in through SqlBulkCopy (SQL Server) rather than prepared INSERTs (SQLite).</summary>
    public bool CopiesInBulk => _rows.CopiesInBulk;

    public long Written => _rows.Written;

    /// <summary>The smallest id written (with <c>returnIds</c>), or null before the first row.</summary>
    public int? FirstId => _rows.FirstId;

    /// <summary>The largest id written (with <c>returnIds</c>), or null before the first row.</summary>
    public int? LastId => _rows.LastId;

    public ValueTask WriteAsync(FeedbackItem f, CancellationToken cancellationToken) => _rows.WriteAsync(
    [
        f.ExternalId, f.ExternalSource, f.ExternalKey, f.ReceivedAt, f.RecordedAt, Box(f.ChannelId), Box(f.JourneyStageId), Box((int)f.Source), Box((int)f.Category),
        Box((int)f.Sentiment), Box((int?)f.ScoreScale), Box(f.Score), Box((int?)f.ScoreBand), f.Verbatim, f.CustomerRef,
        Box(f.RecordedByPersonId), Box(f.FrictionIssueId), Box((int)f.FollowUpStatus), Box(f.FollowUpOwnerPersonId),
        f.FollowUpDueAt, f.ContactedAt, f.FollowUpResolvedAt, f.FollowUpNote, BoxedInts[0],
    ], cancellationToken);

    /// <summary>Writes the rows still waiting for a full batch.</summary>
    public Task CompleteAsync(CancellationToken cancellationToken) => _rows.CompleteAsync(cancellationToken);

    public ValueTask DisposeAsync() => _rows.DisposeAsync();

    private static object? Box(int? value) => value switch
    {
        null => null,
        >= 0 and < 4096 => BoxedInts[value.Value],
        _ => value.Value,
    };
}

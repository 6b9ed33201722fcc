using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Statistics;

namespace CxDashboard.Web.Features.Metrics;

/// <summary>What the catalogue can be narrowed to; every filter is optional.</summary>
public sealed record MetricCatalogueFilter(
    string? Search = null,
    MetricDimension? Dimension = null,
    MetricStatus? Status = null,
    int? OwningTeamId = null,
    int? ChannelId = null);

public enum MetricSortColumn
{
    Name,
    Code,
    Dimension,
    Status,
    Owner,
    Team,

    /// <summary>The latest value on the catalogue's channel (or in total); metrics without one come last.</summary>
    LatestValue,

    /// <summary>The latest value's RAG: Red, Amber, Green ascending (worst first); metrics not rated come last.</summary>
    Rag,
}

public sealed record MetricCatalogueRequest(
    MetricCatalogueFilter Filter,
    int Page,
    int PageSize,
    MetricSortColumn SortBy = MetricSortColumn.Name,
    bool Descending = false);

public sealed record MetricCataloguePage(IReadOnlyList<MetricCatalogueRow> Rows, int TotalCount);

/// <summary>
/// One catalogue line. The latest value, target and sparkline are those of the channel the
/// catalogue is filtered to, or the total when it is not.
/// </summary>
public sealed record MetricCatalogueRow(
    int Id,
    string Code,
    string Name,
    MetricDimension Dimension,
    MetricStatus Status,
    string OwnerName,
    string TeamName,
    MetricUnit Unit,
    Direction Direction,
    bool HasPendingRevision,
    Period? LatestPeriod,
    double? LatestValue,
    double? Target,
    Rag Rag,
    IReadOnlyList<double?> Sparkline,
    Estimate? Latest = null,
    int MinimumSampleSize = MinimumSample.Default)
{
    public bool HasTooFewAnswers => Latest?.HasTooFewAnswers(MinimumSampleSize) == true;
}

public sealed record NamedItem(int Id, string Name);

public sealed record ChannelItem(int Id, string Code, string Name, int OwningTeamId);

/// <summary>The choices the catalogue and the metric form offer.</summary>
public sealed record MetricLookups(IReadOnlyList<NamedItem> Teams, IReadOnlyList<ChannelItem> Channels, IReadOnlyList<PersonItem> People);

public sealed record PersonItem(int Id, string Name, int TeamId);

public sealed record MetricDetails(
    int Id,
    string Code,
    string Name,
    MetricDimension Dimension,
    MetricStatus Status,
    int OwnerPersonId,
    string OwnerName,
    int OwningTeamId,
    string TeamName,
    string? RetiredReason,
    DateTime? RetiredAt,
    int Version,
    RevisionView? InForce,
    RevisionView? Pending,
    IReadOnlyList<RevisionSummary> Revisions,
    IReadOnlyList<MetricEventView> Events,
    MetricPermissions Permissions)
{
    /// <summary>The revision a reader goes by: the agreed one, otherwise the one being agreed.</summary>
    public RevisionView Current => InForce ?? Pending ?? throw new InvalidOperationException("A metric always has a revision.");
}

public sealed record RevisionView(
    int Number,
    RevisionStatus Status,
    string Description,
    string Formula,
    string DataSource,
    MetricUnit Unit,
    Direction Direction,
    Aggregation Aggregation,
    PeriodKind Cadence,
    ScoreScale? ComputedFrom,
    IReadOnlyList<ChannelItem> Channels,
    IReadOnlyList<TargetView> Targets,
    IReadOnlyList<StakeholderView> Stakeholders,
    DateTime? ProposedAt,
    DateTime? AgreedAt)
{
    public IReadOnlyList<StakeholderView> WaitingFor => Stakeholders.Where(s => s.Decision != SignOffDecision.SignedOff).ToList();
}

public sealed record TargetView(Period Quarter, int? ChannelId, string ChannelName, double Value, double AmberTolerance);

/// <summary>A stakeholder team and its latest answer to a revision (none yet when <see cref="Decision"/> is null).</summary>
public sealed record StakeholderView(int TeamId, string TeamName, SignOffDecision? Decision, string? PersonName, string? Comment, DateTime? At);

public sealed record RevisionSummary(int Number, RevisionStatus Status, DateTime? ProposedAt, DateTime? AgreedAt);

public sealed record MetricEventView(MetricEventKind Kind, int RevisionNumber, string PersonName, string? TeamName, string? Comment, DateTime At);

/// <summary>What the signed-in person may do with one metric; the service checks again on every command.</summary>
public sealed record MetricPermissions(bool CanEdit, bool CanPropose, bool CanAnswer, bool CanRetire, bool CanEnterValues)
{
    public static readonly MetricPermissions None = new(false, false, false, false, false);
}

/// <summary>How the metric page's chart and table are drawn: how far back and at what grain.</summary>
public sealed record SeriesRequest(int Quarters, PeriodKind Grain);

/// <summary>A metric's values per period, per channel and in total, with the total target.</summary>
public sealed record MetricSeries(
    PeriodKind Grain,
    MetricUnit Unit,
    Direction Direction,
    IReadOnlyList<ChannelItem> Channels,
    IReadOnlyList<SeriesPeriod> Periods,
    int MinimumSampleSize = MinimumSample.Default);

/// <summary>
/// One period of a metric's series. <see cref="Figure"/> and <see cref="ChannelFigures"/> carry the answers
/// and interval behind each value; <see cref="Change"/> is the total's change on the period before.
/// </summary>
public sealed record SeriesPeriod(
    Period Period,
    double? Total,
    IReadOnlyDictionary<int, double> ByChannel,
    double? Target,
    double? AmberTolerance,
    Rag Rag,
    Estimate? Figure = null,
    IReadOnlyDictionary<int, Estimate>? ChannelFigures = null,
    Change? Change = null,
    bool HasTooFewAnswers = false);

/// <summary>One agreed metric's standing in a quarter, for the dashboard and scorecards.</summary>
public sealed record MetricQuarterValue(
    int MetricId,
    string Code,
    string Name,
    MetricDimension Dimension,
    MetricUnit Unit,
    Direction Direction,
    double? Value,
    double? Target,
    double? AmberTolerance,
    Rag Rag,
    double? PreviousValue,
    Estimate? Figure = null,
    Estimate? PreviousFigure = null,
    Change? Change = null,
    int MinimumSampleSize = MinimumSample.Default)
{
    /// <summary>Too few answers this quarter: no RAG, no trend and no place in a headline.</summary>
    public bool HasTooFewAnswers => Figure?.HasTooFewAnswers(MinimumSampleSize) == true;
}

/// <summary>The period × channel grid on which values are entered.</summary>
public sealed record ValueGrid(
    int MetricId,
    string Code,
    string Name,
    MetricUnit Unit,
    PeriodKind Cadence,
    ScoreScale? ComputedFrom,
    bool UsesSampleSize,
    bool IsRetired,
    IReadOnlyList<Period> Periods,
    IReadOnlyList<ValueGridColumn> Columns,
    IReadOnlyList<ValueGridCell> Cells)
{
    public bool IsComputed => ComputedFrom is not null;

    public ValueGridCell? CellAt(Period period, int? channelId) =>
        Cells.FirstOrDefault(c => c.Period == period && c.ChannelId == channelId);
}

/// <summary>A channel of the grid, or the total (no channel); editable when the person may enter its values.</summary>
public sealed record ValueGridColumn(int? ChannelId, string Name, bool Editable);

/// <summary>
/// A value already there, with its 95% interval when it has one; <see cref="Version"/> lets a save notice that
/// someone changed it meanwhile.
/// </summary>
public sealed record ValueGridCell(Period Period, int? ChannelId, double Value, int? SampleSize, int Version, double? Low = null, double? High = null);

/// <summary>
/// A value to record. <see cref="Row"/> names it in messages (the file's row number on import).
/// <see cref="VersionSeen"/> is checked only when <see cref="CheckVersion"/> is set: null means the
/// cell was empty when the person loaded it.
/// </summary>
public sealed record ValueInput(int Row, Period Period, int? ChannelId, double Value, int? SampleSize, bool CheckVersion = false, int? VersionSeen = null,
    double? Low = null, double? High = null);

public sealed record ValueProblem(int Row, string Reason);

/// <summary>The outcome of saving values: either every value saved, or none and the reasons.</summary>
public sealed record ValueSaveResult(int Saved, IReadOnlyList<ValueProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static ValueSaveResult Refused(IReadOnlyList<ValueProblem> problems) => new(0, problems);

    public static ValueSaveResult Refused(string reason) => new(0, [new ValueProblem(0, reason)]);
}

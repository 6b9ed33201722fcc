using System.Globalization;
using CxDashboard.Web.Features.Api;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>An <see cref="ImportMapping"/> with its columns found in one file: reads each row as the API's <see cref="FeedbackInput"/>.</summary>
public sealed class BoundMapping
{
    private readonly int _receivedAt, _channel, _stage, _source, _category, _sentiment, _score, _scale, _customerRef, _externalId;
    private readonly int[] _comments;
    private readonly string? _wholeFileChannel, _wholeFileSource, _wholeFileCategory, _wholeFileScale;
    private readonly TimeZoneInfo _zone;
    private readonly bool _dayFirst;
    private readonly Dictionary<string, string> _columnOf = new(StringComparer.Ordinal);

    internal BoundMapping(ImportMapping mapping, SheetLayout layout)
    {
        int At(string? name, string field)
        {
            if (layout.Column(name) is not { } column)
            {
                return -1;
            }
            _columnOf[field] = column.Name;
            return column.Index;
        }
        _receivedAt = At(mapping.ReceivedAt, FeedbackInputReader.ReceivedAt);
        _channel = At(mapping.Channel, FeedbackInputReader.Channel);
        _stage = At(mapping.JourneyStage, FeedbackInputReader.JourneyStage);
        _source = At(mapping.Source, FeedbackInputReader.Source);
        _category = At(mapping.Category, FeedbackInputReader.Category);
        _sentiment = At(mapping.Sentiment, FeedbackInputReader.Sentiment);
        _score = At(mapping.Score, FeedbackInputReader.Score);
        _scale = At(mapping.ScoreScaleColumn, FeedbackInputReader.ScoreScale);
        _customerRef = At(mapping.CustomerRef, FeedbackInputReader.CustomerRef);
        _externalId = At(mapping.ExternalId, FeedbackInputReader.ExternalId);
        _comments = mapping.Comments.Select(c => layout.Column(c)?.Index ?? -1).Where(i => i >= 0).ToArray();
        if (mapping.Comments.FirstOrDefault() is { } firstComment && layout.Column(firstComment) is { } comment)
        {
            _columnOf[FeedbackInputReader.Verbatim] = comment.Name;
        }
        _wholeFileChannel = _channel < 0 ? mapping.WholeFileChannel?.Trim() : null;
        _wholeFileSource = _source < 0 ? mapping.WholeFileSource?.ToString() : null;
        _wholeFileCategory = _category < 0 ? mapping.WholeFileCategory?.ToString() : null;
        _wholeFileScale = _scale < 0 ? mapping.WholeFileScoreScale?.ToString() : null;
        _zone = ImportMapping.ZoneOf(mapping.TimeZone) ?? TimeZoneInfo.Utc;
        _dayFirst = mapping.DayFirst;
        HeaderRows = mapping.HeaderRows;
    }

    public int HeaderRows { get; }

    /// <summary>The file's column that a field's problems are reported against; null for a field given for the whole file.</summary>
    public string? ColumnOf(string field) => _columnOf.GetValueOrDefault(field);

    /// <summary>
    /// The row the reader is on, as the API would receive it, or null when no column the mapping reads has a value
    /// (the blank rows a spreadsheet leaves are no feedback); <paramref name="problem"/> is told (field, message) of
    /// what cannot be read.
    /// </summary>
    public FeedbackInput? Read(SheetReader row, Action<string, string> problem)
    {
        var any = false;
        string? Cell(int index)
        {
            if (index >= 0 && row.Get(index) is { Length: > 0 } value)
            {
                any = true;
                return value;
            }
            return null;
        }
        var externalId = Cell(_externalId);
        var receivedAt = Cell(_receivedAt);
        var channel = Cell(_channel);
        var stage = Cell(_stage);
        var source = Cell(_source);
        var category = Cell(_category);
        var sentiment = Cell(_sentiment);
        var scale = Cell(_scale);
        var score = Cell(_score);
        var customerRef = Cell(_customerRef);
        var comment = Comment(row);
        if (!any && comment is null)
        {
            return null;
        }
        return new FeedbackInput(externalId, ReceivedAt(receivedAt, problem), channel ?? _wholeFileChannel, stage, source ?? _wholeFileSource,
            category ?? _wholeFileCategory, sentiment, scale ?? _wholeFileScale, Score(score, problem), comment, customerRef);
    }

    private string? Comment(SheetReader row)
    {
        if (_comments.Length == 1)
        {
            return row.Get(_comments[0]) is { Length: > 0 } only ? only : null;
        }
        var parts = _comments.Select(row.Get).Where(v => v.Length > 0).ToList();
        return parts.Count == 0 ? null : string.Join("\n", parts);
    }

    private DateTimeOffset? ReceivedAt(string? text, Action<string, string> problem)
    {
        if (text is null)
        {
            return null;
        }
        if (ImportMapping.ParseReceivedAt(text, _dayFirst) is { } at)
        {
            if (at.Kind == DateTimeKind.Utc)
            {
                return new DateTimeOffset(at);
            }
            try
            {
                return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(at, _zone));
            }
            catch (ArgumentException)
            {
                problem(FeedbackInputReader.ReceivedAt, $"'{text}' does not exist in the time zone {_zone.Id} (the clocks went forward then).");
                return null;
            }
        }
        problem(FeedbackInputReader.ReceivedAt, $"'{text}' is not a date and time: write it as 2026-03-14 09:30 or 2026-03-14T09:30:00Z.");
        return null;
    }

    private static int? Score(string? text, Action<string, string> problem)
    {
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var score))
        {
            return score;
        }
        problem(FeedbackInputReader.Score, $"The score '{text}' is not a whole number.");
        return null;
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CxDashboard.Domain.Feedback;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>
/// Which column of an export gives each field of a piece of feedback, by the column's name, so that the
/// same mapping serves the next export from the same tool. Channel, source and category may instead be
/// one value for the whole file; several comment columns are joined, in order, into what was said.
/// </summary>
public sealed record ImportMapping
{
    public int HeaderRows { get; init; } = 1;

    /// <summary>Which header row (1-based) names the columns.</summary>
    public int NameRow { get; init; } = 1;

    public string? ReceivedAt { get; init; }

    /// <summary>The time zone of received-at times written without an offset (an IANA or Windows id).</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Whether 03/04/2026 is the 3rd of April (day first) rather than the 4th of March (month first).</summary>
    public bool DayFirst { get; init; }

    public string? Channel { get; init; }

    /// <summary>The channel code of every row, when no column gives it.</summary>
    public string? WholeFileChannel { get; init; }

    public string? JourneyStage { get; init; }

    public string? Source { get; init; }

    public FeedbackSource? WholeFileSource { get; init; }

    public string? Category { get; init; }

    public FeedbackCategory? WholeFileCategory { get; init; }

    public string? Sentiment { get; init; }

    public string? Score { get; init; }

    public string? ScoreScaleColumn { get; init; }

    public ScoreScale? WholeFileScoreScale { get; init; }

    public IReadOnlyList<string> Comments { get; init; } = [];

    public string? CustomerRef { get; init; }

    public string? ExternalId { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ImportMapping FromJson(string json) => JsonSerializer.Deserialize<ImportMapping>(json, Json) ?? new ImportMapping();

    /// <summary>This mapping, with what it leaves open taken from <paramref name="fallback"/> (a guess from the file's columns).</summary>
    public ImportMapping Over(ImportMapping fallback) => this with
    {
        ReceivedAt = ReceivedAt ?? fallback.ReceivedAt,
        Channel = Channel ?? (WholeFileChannel is null ? fallback.Channel : null),
        JourneyStage = JourneyStage ?? fallback.JourneyStage,
        Source = Source ?? (WholeFileSource is null ? fallback.Source : null),
        Category = Category ?? (WholeFileCategory is null ? fallback.Category : null),
        Sentiment = Sentiment ?? fallback.Sentiment,
        Score = Score ?? fallback.Score,
        ScoreScaleColumn = ScoreScaleColumn ?? (WholeFileScoreScale is null ? fallback.ScoreScaleColumn : null),
        WholeFileScoreScale = WholeFileScoreScale ?? (ScoreScaleColumn is null ? fallback.WholeFileScoreScale : null),
        Comments = Comments.Count > 0 ? Comments : fallback.Comments,
        CustomerRef = CustomerRef ?? fallback.CustomerRef,
        ExternalId = ExternalId ?? fallback.ExternalId,
    };

    /// <summary>The columns the mapping names, each once, in the order of the fields.</summary>
    public IEnumerable<string> ColumnsNamed() =>
        new[] { ReceivedAt, Channel, JourneyStage, Source, Category, Sentiment, Score, ScoreScaleColumn, CustomerRef, ExternalId }
            .Concat(Comments).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>What keeps the mapping from reading <paramref name="layout"/>: a field nobody chose, a column the file lacks.</summary>
    public IReadOnlyList<string> ProblemsWith(SheetLayout layout)
    {
        var problems = new List<string>();
        foreach (var column in ColumnsNamed().Where(c => layout.Column(c) is null))
        {
            problems.Add($"The file has no column '{column}'. Choose another column, or check the header rows.");
        }
        if (ReceivedAt is null)
        {
            problems.Add("Choose the column that says when the feedback was received.");
        }
        if (Channel is null && string.IsNullOrWhiteSpace(WholeFileChannel))
        {
            problems.Add("Choose the column that gives the channel, or one channel for the whole file.");
        }
        if (Source is null && WholeFileSource is null)
        {
            problems.Add("Choose the column that gives the source, or one source for the whole file.");
        }
        if (Category is null && WholeFileCategory is null)
        {
            problems.Add("Choose the column that gives the category, or one category for the whole file.");
        }
        if (Score is not null && ScoreScaleColumn is null && WholeFileScoreScale is null)
        {
            problems.Add("Choose the score's scale (NPS 0–10, CSAT 1–5, CES 1–7 or stars 1–5).");
        }
        if (ZoneOf(TimeZone) is null)
        {
            problems.Add($"'{TimeZone}' is not a time zone this server knows.");
        }
        return problems;
    }

    public static TimeZoneInfo? ZoneOf(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;

    /// <summary>The columns' positions in <paramref name="layout"/>, to read rows with; the mapping must have no problems with it.</summary>
    public BoundMapping Bind(SheetLayout layout) => new(this, layout);

    /// <summary>
    /// A first mapping for an export nobody has mapped yet: columns whose names say what they hold (CX Dashboard's
    /// own column names map themselves), then columns whose values look like a date, a score or comments.
    /// </summary>
    public static ImportMapping Guess(SheetLayout layout)
    {
        var used = new HashSet<int>();
        string? Find(Func<ImportColumn, bool>? looksRight, params string[] names) => Look(looksRight, [true, false], names);
        // Codes the app must know (channels, sources, categories) are taken only from a column named for them:
        // a survey's "Which of our channels did you use?" holds answers, not channel codes.
        string? FindNamed(params string[] names) => Look(null, [true], names);
        string? Look(Func<ImportColumn, bool>? looksRight, bool[] passes, string[] names)
        {
            foreach (var exact in passes)
            {
                foreach (var name in names)
                {
                    // A column named exactly for the field is taken whatever its values: the check then says what is wrong with them.
                    var found = layout.Columns.FirstOrDefault(c => !used.Contains(c.Index)
                        && (exact
                            ? Normal(c.Name) == name
                            : Normal(c.Name).Contains(name, StringComparison.Ordinal) && (looksRight is null || c.Samples.Count == 0 || looksRight(c))));
                    if (found is not null)
                    {
                        used.Add(found.Index);
                        return found.Name;
                    }
                }
            }
            return null;
        }
        bool Dates(ImportColumn c) => c.Samples.All(s => ParseReceivedAt(s, false) is not null);
        bool Scores(ImportColumn c) => c.Samples.All(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 10);
        bool Words(ImportColumn c) => c.Samples.Any(s => s.Contains(' ', StringComparison.Ordinal));

        var externalId = Find(null, "externalid", "responseid", "respondentid");
        var received = Find(Dates, "receivedat", "recordeddate", "enddate", "submitted", "received", "recorded", "date", "time")
                       ?? layout.Columns.FirstOrDefault(c => !used.Contains(c.Index) && c.Samples.Count > 0 && Dates(c) && used.Add(c.Index))?.Name;
        var channel = FindNamed("channel", "channelcode");
        var stage = FindNamed("journeystage", "stage", "touchpoint");
        var source = FindNamed("source", "feedbacksource");
        var category = FindNamed("category");
        var sentiment = FindNamed("sentiment");
        var scale = FindNamed("scorescale", "scale");
        var score = Find(Scores, "score", "nps", "recommend", "likely", "rating", "csat", "ces", "effort");
        var customer = Find(null, "customerref", "customerreference", "customerid");
        var comments = new List<string>();
        while (Find(Words, "verbatim", "comment", "feedback", "why", "reason", "openended", "tellus", "anythingelse") is { } comment)
        {
            comments.Add(comment);
        }
        return new ImportMapping
        {
            HeaderRows = layout.HeaderRows,
            NameRow = layout.NameRow,
            ReceivedAt = received,
            Channel = channel,
            JourneyStage = stage,
            Source = source,
            WholeFileSource = source is null ? FeedbackSource.Survey : null,
            Category = category,
            Sentiment = sentiment,
            Score = score,
            ScoreScaleColumn = scale,
            WholeFileScoreScale = score is not null && scale is null ? ScaleOf(score) : null,
            Comments = comments.OrderBy(c => layout.Column(c)!.Index).ToList(),
            CustomerRef = customer,
            ExternalId = externalId,
        };
    }

    private static ScoreScale ScaleOf(string column) => Normal(column) switch
    {
        var n when n.Contains("csat", StringComparison.Ordinal) || n.Contains("satisf", StringComparison.Ordinal) => Domain.Feedback.ScoreScale.Csat,
        var n when n.StartsWith("ces", StringComparison.Ordinal) || n.Contains("effort", StringComparison.Ordinal) => Domain.Feedback.ScoreScale.Ces,
        var n when n.Contains("star", StringComparison.Ordinal) => Domain.Feedback.ScoreScale.StarRating,
        _ => Domain.Feedback.ScoreScale.Nps,
    };

    internal static string Normal(string name)
    {
        Span<char> kept = stackalloc char[Math.Min(name.Length, 256)];
        var n = 0;
        foreach (var c in name.AsSpan(0, kept.Length))
        {
            if (char.IsLetterOrDigit(c))
            {
                kept[n++] = char.ToLowerInvariant(c);
            }
        }
        return new string(kept[..n]);
    }

    /// <summary>
    /// A received-at time as survey tools write it: ISO 8601, with or without an offset, day- or month-first,
    /// or an Excel serial date. Null when it is none of those; a time without an offset comes back unspecified.
    /// </summary>
    internal static DateTime? ParseReceivedAt(string text, bool dayFirst)
    {
        var culture = dayFirst ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.InvariantCulture;
        if (DateTime.TryParse(text, culture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces, out var at))
        {
            return at;
        }
        // Excel's serial dates: days since 1899-12-30, from 1900 to 9999.
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
        {
            return DateTime.FromOADate(serial);
        }
        return null;
    }
}

using System.Globalization;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>A column of the export: where it is, the name it goes by, and a few of its values to recognise it.</summary>
public sealed record ImportColumn(int Index, string Name, IReadOnlyList<string> Samples);

/// <summary>
/// How an export begins: how many header rows come before the answers, which of them names the columns,
/// and the columns so named. Survey tools differ here: a plain CSV has one header row; a Qualtrics data
/// table three (the column's id, the question's text, an <c>{"ImportId":…}</c> object); SurveyMonkey two
/// (the question, then the answer each column holds: "Response", "Open-Ended Response", or an option).
/// </summary>
public sealed record SheetLayout(int HeaderRows, int NameRow, IReadOnlyList<ImportColumn> Columns, string? Recognised)
{
    public const int MaxHeaderRows = 3;

    public const string Qualtrics = "Qualtrics", SurveyMonkey = "SurveyMonkey";

    /// <summary>The rows read to detect the layout and take samples from.</summary>
    public const int RowsLooked = 50;

    private const int SamplesPerColumn = 3;

    /// <summary>Reads the start of the sheet and recognises its layout, or applies the one the person chose.</summary>
    public static SheetLayout Read(SheetReader reader, int? headerRows = null, int? nameRow = null)
    {
        var rows = new List<string[]>();
        while (rows.Count < RowsLooked && reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.Get(i);
            }
            rows.Add(row);
        }
        return Of(rows, headerRows, nameRow);
    }

    public static SheetLayout Of(IReadOnlyList<string[]> rows, int? headerRows = null, int? nameRow = null)
    {
        var recognised = Recognise(rows);
        var headers = Math.Clamp(headerRows ?? recognised switch { Qualtrics => 3, SurveyMonkey => 2, _ => 1 }, 1, MaxHeaderRows);
        var names = Math.Clamp(nameRow ?? 1, 1, headers);
        var width = rows.Count == 0 ? 0 : rows.Take(RowsLooked).Max(r => r.Length);
        var columns = new List<ImportColumn>(width);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var carried = string.Empty;
        for (var i = 0; i < width; i++)
        {
            var name = Cell(rows, names - 1, i);
            // SurveyMonkey names a question over its first column only; the columns after it hold its other
            // answers, told apart by the row below.
            var inGroup = headers > names && (name.Length == 0 || (i + 1 < width && Cell(rows, names - 1, i + 1).Length == 0));
            if (name.Length == 0 && headers > names && carried.Length > 0)
            {
                name = carried;
            }
            else
            {
                carried = name;
            }
            if (inGroup && Cell(rows, names, i) is { Length: > 0 } answer && !IsPlainAnswer(answer) && !IsImportId(answer))
            {
                name = name.Length == 0 ? answer : $"{name} – {answer}";
            }
            if (name.Length == 0)
            {
                name = "Column " + ColumnLetters(i);
            }
            var unique = name;
            for (var n = 2; !taken.Add(unique); n++)
            {
                unique = string.Create(CultureInfo.InvariantCulture, $"{name} ({n})");
            }
            var samples = rows.Skip(headers).Select(r => i < r.Length ? r[i] : string.Empty).Where(v => v.Length > 0).Take(SamplesPerColumn).ToList();
            columns.Add(new ImportColumn(i, unique, samples));
        }
        return new SheetLayout(headers, names, columns, recognised);
    }

    /// <summary>The header rows as they are in the file, for the person to see which one names the columns.</summary>
    public static IReadOnlyList<string> HeaderRowsOf(IReadOnlyList<string[]> rows) =>
        rows.Take(MaxHeaderRows).Select(r => string.Join(" · ", r.Where(c => c.Length > 0).Take(6))).ToList();

    /// <summary>The column of that name, or, failing that, of that name written with other spaces and punctuation ("RespondentID", "Respondent ID").</summary>
    public ImportColumn? Column(string? name) =>
        name is null ? null
        : Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
          ?? Columns.FirstOrDefault(c => ImportMapping.Normal(c.Name) == ImportMapping.Normal(name));

    private static string? Recognise(IReadOnlyList<string[]> rows)
    {
        if (rows.Count >= 3 && rows[2].Any(IsImportId))
        {
            return Qualtrics;
        }
        if (rows.Count >= 2 && rows[1].Any(c => c.Equals("Response", StringComparison.OrdinalIgnoreCase) || c.Equals("Open-Ended Response", StringComparison.OrdinalIgnoreCase)))
        {
            return SurveyMonkey;
        }
        return null;
    }

    private static bool IsImportId(string cell) => cell.StartsWith("{\"ImportId\"", StringComparison.OrdinalIgnoreCase);

    private static bool IsPlainAnswer(string cell) =>
        cell.Equals("Response", StringComparison.OrdinalIgnoreCase) || cell.Equals("Open-Ended Response", StringComparison.OrdinalIgnoreCase);

    private static string Cell(IReadOnlyList<string[]> rows, int row, int column) =>
        row < rows.Count && column < rows[row].Length ? rows[row][column] : string.Empty;

    private static string ColumnLetters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + (n - 1) % 26) + letters;
        }
        return letters;
    }
}

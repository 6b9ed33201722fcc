using System.Globalization;
using CxDashboard.Web.Data.Seeding;

namespace CxDashboard.Bench;

/// <summary>
/// The command line: <c>[--feedback N] [--friction-issues N] [--actions N] [--metrics N] [--runs N] [--db path]
/// [--skip-build-db] [--sessions N] [--session-page path]... [--people N,N,...] [--capacity-seconds N] [--think-seconds N]
/// [--only queries|import|import-memory|import-upload|sessions|capacity|api|alerts|themes|seed|prerender] [--scales N,N,... [--db-dir path]]</c>. <c>--scales</c> runs the lines that grow with the
/// data at each number of feedback items in turn (friction issues, actions and metrics scaled with it, each scale its own
/// database file in <c>--db-dir</c>, reused when a previous run seeded it completely), and prints how each line's median
/// grows from one scale to the next (one scale alone is measured in the same way, to set beside an earlier run's figures);
/// with <c>--only seed</c> it only builds the databases, for a later run to measure, and with <c>--only queries</c> it
/// measures the dashboard and inbox queries alone, with <c>--only prerender</c> the pages over HTTP alone. <c>--only queries</c> runs just the
/// dashboard and inbox queries, <c>--only import</c> just the imports, <c>--only sessions</c> just the memory per session, <c>--only capacity</c>
/// just the people one instance serves, <c>--only api</c> just the API batch, <c>--only alerts</c> just the alerts of an API batch,
/// <c>--only themes</c> just the themes' lines, for checking a change in a minute or two.
/// </summary>
internal sealed record BenchOptions(int Feedback, int Runs, string DatabasePath, bool SkipBuildDb, int Sessions, string? Only)
{
    /// <summary>
    /// The pages sessions are held open on, one measurement each: the dashboard, which renders without a circuit, and
    /// a page with a form (interactive), unless others are asked for with <c>--session-page</c> (repeatable).
    /// </summary>
    public IReadOnlyList<string> SessionPages { get; init; } = DefaultSessionPages;

    public static readonly IReadOnlyList<string> DefaultSessionPages = ["/", "/feedback/import"];

    public const int DefaultFeedback = 1_000_000;

    /// <summary>The totals the demo retailer is topped up to (issue #8's defaults).</summary>
    public DemoScale Scale { get; init; } = DemoScale.Full;

    public CapacityOptions Capacity { get; init; } = CapacityOptions.Default;

    /// <summary>The numbers of feedback items of a growth run (<c>--scales</c>), rising; empty for a run at one scale.</summary>
    public IReadOnlyList<int> Scales { get; init; } = [];

    /// <summary>The folder of a growth run's database files, one per scale (feedback-N.db).</summary>
    public string DatabaseFolder { get; init; } = DefaultFolder;

    private static string DefaultFolder => Path.Combine(Path.GetTempPath(), "cxdashboard-bench");

    /// <summary>
    /// The run at <paramref name="feedback"/> items of a growth run: friction issues, actions and metrics in the same
    /// proportion to the feedback as at full scale (the metrics' weekly values with them), its own database file.
    /// </summary>
    public BenchOptions AtScale(int feedback)
    {
        var ratio = feedback / (double)DefaultFeedback;
        var full = DemoScale.Full;
        return this with
        {
            Feedback = feedback,
            DatabasePath = Path.Combine(DatabaseFolder, string.Create(CultureInfo.InvariantCulture, $"feedback-{feedback}.db")),
            Scale = new DemoScale(feedback, (int)(full.FrictionIssues * ratio), (int)(full.Actions * ratio), (int)(full.Metrics * ratio)),
        };
    }

    public static BenchOptions Parse(string[] args)
    {
        var feedback = DefaultFeedback;
        var runs = 20;
        var sessions = 20;
        string? db = null;
        var skip = false;
        string? only = null;
        var volume = DemoScale.Full;
        var sessionPages = new List<string>();
        var capacity = CapacityOptions.Default;
        int[] scales = [];
        string? folder = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--feedback": feedback = Number(args, ++i); break;
                case "--runs": runs = Math.Max(1, Number(args, ++i)); break;
                case "--sessions": sessions = Math.Max(1, Number(args, ++i)); break;
                case "--db": db = Value(args, ++i); break;
                case "--session-page":
                    sessionPages.Add(Value(args, ++i).StartsWith('/')
                        ? args[i]
                        : throw new ArgumentException($"--session-page takes a path that starts with /, not '{args[i]}'."));
                    break;
                case "--skip-build-db": skip = true; break;
                case "--friction-issues": volume = volume with { FrictionIssues = Number(args, ++i) }; break;
                case "--actions": volume = volume with { Actions = Number(args, ++i) }; break;
                case "--metrics": volume = volume with { Metrics = Number(args, ++i) }; break;
                case "--scales": scales = ScaleList(args, ++i); break;
                case "--db-dir": folder = Value(args, ++i); break;
                case "--people": capacity = capacity with { People = People(args, ++i) }; break;
                case "--capacity-seconds": capacity = capacity with { Seconds = Math.Max(5, Number(args, ++i)) }; break;
                case "--think-seconds": capacity = capacity with { ThinkSeconds = Math.Max(0, Number(args, ++i)) }; break;
                case "--only":
                    only = Value(args, ++i) is "queries" or "import" or "import-memory" or "import-upload" or "sessions" or "capacity" or "api" or "alerts" or "themes" or "seed" or "prerender"
                        ? args[i]
                        : throw new ArgumentException($"--only takes 'queries', 'import', 'import-memory', 'import-upload', 'sessions', 'capacity', 'api', 'alerts', 'themes', 'seed' or 'prerender', not '{args[i]}'.");
                    break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'. Options: --feedback N, --friction-issues N, --actions N, --metrics N, --runs N, --db path, --skip-build-db, --sessions N, --session-page path, --people N,N,..., --capacity-seconds N, --think-seconds N, --only queries|import|import-memory|import-upload|sessions|capacity|api|alerts|themes|seed|prerender, --scales N,N,..., --db-dir path.");
            }
        }
        db ??= Path.Combine(Path.GetTempPath(), "cxdashboard-bench", string.Create(CultureInfo.InvariantCulture, $"feedback-{feedback}.db"));
        return new BenchOptions(feedback, runs, Path.GetFullPath(db), skip, sessions, only)
        {
            Scale = volume with { Feedback = feedback },
            SessionPages = sessionPages.Count > 0 ? sessionPages : DefaultSessionPages,
            Capacity = capacity,
            Scales = scales,
            DatabaseFolder = Path.GetFullPath(folder ?? DefaultFolder),
        };
    }

    /// <summary>Numbers of feedback items, at least two, rising: "100000,1000000,10000000".</summary>
    private static int[] ScaleList(string[] args, int i)
    {
        var parts = Value(args, i).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var scales = parts.Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1000 ? n : -1).ToArray();
        return scales.Length >= 1 && scales.All(n => n > 0) && scales.SequenceEqual(scales.Order().Distinct())
            ? scales
            : throw new ArgumentException($"--scales takes rising numbers of feedback items (at least 1000 each) separated by commas, such as 100000,1000000,10000000, not '{args[i]}'.");
    }

    /// <summary>Numbers of people, rising: "10,20,40".</summary>
    private static int[] People(string[] args, int i)
    {
        var parts = Value(args, i).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var people = parts.Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1).ToArray();
        return people.Length > 0 && people.All(n => n > 0) && people.SequenceEqual(people.Order())
            ? people
            : throw new ArgumentException($"--people takes rising whole numbers separated by commas, such as 10,20,40, not '{args[i]}'.");
    }

    private static string Value(string[] args, int i) =>
        i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value.");

    private static int Number(string[] args, int i) =>
        int.TryParse(Value(args, i), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new ArgumentException($"{args[i - 1]} needs a whole number, not '{args[i]}'.");
}

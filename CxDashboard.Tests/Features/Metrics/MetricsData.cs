using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Organisation;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Features.Metrics;

/// <summary>
/// A small retailer for the metric tests: a CX team, Stores (owns the store channel) and Digital
/// (owns web and app), a lead in each, an executive, and a clock in Q4 2026.
/// </summary>
public sealed class MetricsData : IAsyncDisposable
{
    public static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    private MetricsData(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(Now));
    public int CxTeam { get; private set; }
    public int StoresTeam { get; private set; }
    public int DigitalTeam { get; private set; }
    public int Store { get; private set; }
    public int Web { get; private set; }
    public int App { get; private set; }
    public Caller CxLead { get; private set; } = null!;
    public Caller StoresLead { get; private set; } = null!;
    public Caller DigitalLead { get; private set; } = null!;
    public Caller Executive { get; private set; } = null!;

    public MetricsService Service => new(Database, Clock);
    public MetricCommands Commands => new(Database, Clock);
    public MetricValuesImporter Importer => new(Database, Clock);

    public static async Task<MetricsData> CreateAsync()
    {
        var data = new MetricsData(await TestDatabase.CreateAsync());
        await data.SeedAsync();
        return data;
    }

    private async Task SeedAsync()
    {
        await using var db = Database.CreateDbContext();
        var cx = new Team("cx", "Customer Experience");
        var stores = new Team("stores", "Stores");
        var digital = new Team("digital", "Digital");
        db.Teams.AddRange(cx, stores, digital);
        await db.SaveChangesAsync();
        var alex = new Person("Alex Morgan", "alex@example.com", cx.Id);
        var sam = new Person("Sam Patel", "sam@example.com", stores.Id);
        var dee = new Person("Dee Chen", "dee@example.com", digital.Id);
        var eve = new Person("Eve Walsh", "eve@example.com", cx.Id);
        db.People.AddRange(alex, sam, dee, eve);
        var store = new Channel("store", "Store", stores.Id, 1);
        var web = new Channel("web", "Website", digital.Id, 2);
        var app = new Channel("app", "App", digital.Id, 3);
        db.Channels.AddRange(store, web, app);
        await db.SaveChangesAsync();

        (CxTeam, StoresTeam, DigitalTeam) = (cx.Id, stores.Id, digital.Id);
        (Store, Web, App) = (store.Id, web.Id, app.Id);
        CxLead = new Caller(alex.Id, alex.DisplayName, cx.Id, new HashSet<string> { Roles.CxLead });
        StoresLead = new Caller(sam.Id, sam.DisplayName, stores.Id, new HashSet<string> { Roles.ChannelLead });
        DigitalLead = new Caller(dee.Id, dee.DisplayName, digital.Id, new HashSet<string> { Roles.ChannelLead });
        Executive = new Caller(eve.Id, eve.DisplayName, cx.Id, new HashSet<string> { Roles.Executive });
    }

    public MetricBuilder Metric(string code) => new(this, code);

    public async Task<int> VersionOfAsync(int metricId) =>
        (await Service.GetDetailsAsync(CxLead, metricId))!.Version;

    public async Task AddValuesAsync(int metricId, params (string Period, int? ChannelId, double Value, int? SampleSize)[] values)
    {
        await using var db = Database.CreateDbContext();
        var metric = (await MetricsService.LoadAsync(db, metricId, CancellationToken.None))!;
        foreach (var (period, channel, value, sample) in values)
        {
            db.MetricValues.Add(MetricValue.Record(metric, Period.Parse(period), channel, value, sample, CxLead.PersonId!.Value, Now, DateOnly.FromDateTime(Now)));
        }
        await db.SaveChangesAsync();
    }

    public async Task AddScoresAsync(int channelId, ScoreScale scale, DateTime receivedAt, params int[] scores)
    {
        await using var db = Database.CreateDbContext();
        foreach (var score in scores)
        {
            db.Feedback.Add(new FeedbackItem(new FeedbackDetails(receivedAt, channelId, null, FeedbackSource.Survey, FeedbackCategory.Experience,
                Sentiment.Neutral, scale, score, string.Empty), null, Now));
        }
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>Builds a metric through the Domain with sensible defaults: a monthly percentage on every channel, owned by CX.</summary>
public sealed class MetricBuilder(MetricsData data, string code)
{
    private string _name = $"Metric {code}";
    private MetricDimension _dimension = MetricDimension.Operational;
    private MetricUnit _unit = MetricUnit.Percent;
    private Direction _direction = Direction.HigherIsBetter;
    private Aggregation _aggregation = Aggregation.Average;
    private PeriodKind _cadence = PeriodKind.Month;
    private ScoreScale? _computedFrom;
    private int[]? _channels;
    private readonly List<TargetSpec> _targets = [];
    private int[]? _stakeholders;
    private bool _agreed;
    private int? _minimumSampleSize;

    public MetricBuilder Named(string name) { _name = name; return this; }
    public MetricBuilder In(MetricDimension dimension) { _dimension = dimension; return this; }
    public MetricBuilder Measured(MetricUnit unit, Direction direction = Direction.HigherIsBetter) { _unit = unit; _direction = direction; return this; }
    public MetricBuilder RolledUpBy(Aggregation aggregation) { _aggregation = aggregation; return this; }
    public MetricBuilder Every(PeriodKind cadence) { _cadence = cadence; return this; }
    public MetricBuilder ComputedFrom(ScoreScale scale) { _computedFrom = scale; _unit = scale == ScoreScale.Nps ? MetricUnit.NpsScore : _unit; return this; }
    public MetricBuilder On(params int[] channels) { _channels = channels; return this; }
    public MetricBuilder Target(string quarter, double value, double tolerance, int? channelId = null) { _targets.Add(new TargetSpec(Period.Parse(quarter), channelId, value, tolerance)); return this; }
    public MetricBuilder ProposedTo(params int[] teams) { _stakeholders = teams; return this; }
    public MetricBuilder AgreedBy(params int[] teams) { _stakeholders = teams; _agreed = true; return this; }
    public MetricBuilder RequiringAnswers(int minimumSampleSize) { _minimumSampleSize = minimumSampleSize; return this; }

    public async Task<int> SaveAsync()
    {
        var at = MetricsData.Now.AddDays(-30);
        var person = data.CxLead.PersonId!.Value;
        var spec = new MetricSpec("What it measures", "numerator / denominator", "BI warehouse", _unit, _direction, _aggregation, _cadence,
            _channels ?? [data.Store, data.Web, data.App], _computedFrom);
        var metric = MetricDefinition.Draft(code, _name, _dimension, person, data.CxTeam, spec, _targets, person, at);
        if (_minimumSampleSize is { } minimum)
        {
            metric.RequireAnswers(minimum);
        }
        if (_stakeholders is { } stakeholders)
        {
            metric.Propose(stakeholders, person, at);
            foreach (var team in _agreed ? stakeholders.Append(data.CxTeam).Distinct() : [])
            {
                metric.SignOff(team, person, null, at);
            }
        }
        await using var db = data.Database.CreateDbContext();
        db.Metrics.Add(metric);
        await db.SaveChangesAsync();
        return metric.Id;
    }
}

using System.Diagnostics.Metrics;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Organisation;
using CxDashboard.Tests.Support;
using CxDashboard.Web.Auth;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using CxDashboard.Web.Features.Feedback;
using CxDashboard.Web.Hosting.Telemetry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CxDashboard.Tests.Features.Feedback;

/// <summary>
/// A small retailer for the feedback tests: Stores (led by Dana, with Cara) owns the store channel,
/// Digital (led by Eli, with Finn) owns the web channel; and a builder for feedback items.
/// </summary>
public sealed class FeedbackData
{
    public static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    private FeedbackData(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(Now));
    public int StoresTeam { get; private set; }
    public int DigitalTeam { get; private set; }
    public int Dana { get; private set; }
    public int Cara { get; private set; }
    public int Eli { get; private set; }
    public int Finn { get; private set; }
    public int Store { get; private set; }
    public int Web { get; private set; }
    public int Delivery { get; private set; }
    public int Purchase { get; private set; }

    public Caller CxLead => new(Dana, "Dana Reid", StoresTeam, new HashSet<string> { Roles.CxLead });
    public Caller StoresLead => new(Dana, "Dana Reid", StoresTeam, new HashSet<string> { Roles.ChannelLead });
    public Caller DigitalLead => new(Eli, "Eli Novak", DigitalTeam, new HashSet<string> { Roles.ChannelLead });
    public Caller CaraContributor => new(Cara, "Cara Moss", StoresTeam, new HashSet<string> { Roles.Contributor });
    public Caller FinnContributor => new(Finn, "Finn Hale", DigitalTeam, new HashSet<string> { Roles.Contributor });
    public Caller Executive => new(null, "Erin Exec", null, new HashSet<string> { Roles.Executive });

    /// <param name="faults">Where the database connection drops, for tests of what survives it.</param>
    /// <param name="appServices">The app's services the contexts see (whether e-mail is sent, say).</param>
    public static async Task<FeedbackData> CreateAsync(TransientFaults? faults = null, IServiceProvider? appServices = null)
    {
        var data = new FeedbackData(await TestDatabase.CreateAsync(faults, appServices));
        await using var db = data.Database.CreateDbContext();
        var stores = new Team("stores", "Stores");
        var digital = new Team("digital", "Digital");
        db.Teams.AddRange(stores, digital);
        await db.SaveChangesAsync();
        var dana = new Person("Dana Reid", "dana@example.com", stores.Id);
        var cara = new Person("Cara Moss", "cara@example.com", stores.Id);
        var eli = new Person("Eli Novak", "eli@example.com", digital.Id);
        var finn = new Person("Finn Hale", "finn@example.com", digital.Id);
        db.People.AddRange(dana, cara, eli, finn);
        await db.SaveChangesAsync();
        stores.AppointLead(dana);
        digital.AppointLead(eli);
        var store = new Channel("store", "Store", stores.Id, 1);
        var web = new Channel("web", "Website", digital.Id, 2);
        db.Channels.AddRange(store, web);
        var purchase = new JourneyStage("purchase", "Purchase", 1);
        var delivery = new JourneyStage("delivery", "Delivery", 2);
        db.JourneyStages.AddRange(purchase, delivery);
        await db.SaveChangesAsync();
        (data.StoresTeam, data.DigitalTeam) = (stores.Id, digital.Id);
        (data.Dana, data.Cara, data.Eli, data.Finn) = (dana.Id, cara.Id, eli.Id, finn.Id);
        (data.Store, data.Web, data.Purchase, data.Delivery) = (store.Id, web.Id, purchase.Id, delivery.Id);
        return data;
    }

    /// <summary>The meters the services count into: a <see cref="MeterRecorder"/> on it hears them.</summary>
    public IMeterFactory Meters { get; } = MeterRecorder.NewMeterFactory();

    public AppMetrics Metrics => new(Meters);

    public FeedbackService Service(int slaHours = 48) =>
        new(Database, Clock, Options.Create(new FollowUpOptions { SlaHours = slaHours }), Metrics, Search);

    /// <summary>Asks SQL Server once, as the app does, whether the database has its full-text index.</summary>
    public VerbatimSearch Search { get; } = new(NullLogger<VerbatimSearch>.Instance);

    public RecordFeedbackCommand Command(int channelId, ScoreScale? scale = null, int? score = null,
        FeedbackSource source = FeedbackSource.Survey, string? verbatim = "The queue at the tills was long.", DateTime? receivedAt = null,
        Sentiment sentiment = Sentiment.Neutral, string? customerRef = null) =>
        new(receivedAt ?? Now.AddHours(-1), channelId, null, source, FeedbackCategory.Service, sentiment, scale, score, verbatim, customerRef);

    public FeedbackBuilder Feedback() => new(this);

    public async Task<int> AddIssueAsync()
    {
        await using var db = Database.CreateDbContext();
        var issue = new FrictionIssue(new FrictionDetails("Click and collect orders not ready", null, Purchase, [Store, Web],
            FeedbackCategory.Experience, 3, 100, null, StoresTeam, Dana, [], null), Dana, Now);
        db.FrictionIssues.Add(issue);
        await db.SaveChangesAsync();
        return issue.Id;
    }

    /// <summary>Builds feedback items with sensible defaults and stores them straight away, as an import would.</summary>
    public sealed class FeedbackBuilder(FeedbackData data)
    {
        private DateTime _receivedAt = Now.AddDays(-1);
        private int _channelId = data.Store;
        private int? _stageId;
        private FeedbackSource _source = FeedbackSource.Survey;
        private FeedbackCategory _category = FeedbackCategory.Service;
        private Sentiment _sentiment = Sentiment.Neutral;
        private ScoreScale? _scale;
        private int? _score;
        private string _verbatim = "It was fine.";
        private string? _customerRef;
        private int? _issueId;
        private bool _openFollowUp;

        public FeedbackBuilder ReceivedAt(DateTime at) { _receivedAt = at; return this; }
        public FeedbackBuilder On(int channelId) { _channelId = channelId; return this; }
        public FeedbackBuilder AtStage(int stageId) { _stageId = stageId; return this; }
        public FeedbackBuilder From(FeedbackSource source) { _source = source; return this; }
        public FeedbackBuilder About(FeedbackCategory category) { _category = category; return this; }
        public FeedbackBuilder Feeling(Sentiment sentiment) { _sentiment = sentiment; return this; }
        public FeedbackBuilder Nps(int score) { (_scale, _score) = (ScoreScale.Nps, score); return this; }
        public FeedbackBuilder Saying(string verbatim) { _verbatim = verbatim; return this; }
        public FeedbackBuilder ForCustomer(string customerRef) { _customerRef = customerRef; return this; }
        public FeedbackBuilder EvidenceFor(int issueId) { _issueId = issueId; return this; }
        public FeedbackBuilder WithFollowUp() { _openFollowUp = true; return this; }

        public async Task<int> AddAsync()
        {
            await using var db = data.Database.CreateDbContext();
            var item = new FeedbackItem(new FeedbackDetails(_receivedAt, _channelId, _stageId, _source, _category, _sentiment, _scale, _score,
                _verbatim, _customerRef), data.Cara, Now);
            if (_issueId is { } issueId)
            {
                item.LinkTo(issueId);
            }
            db.Feedback.Add(item);
            if (_openFollowUp)
            {
                await data.Service().OpenFollowUpsAsync([item], db);
            }
            await db.SaveChangesAsync();
            return item.Id;
        }
    }
}

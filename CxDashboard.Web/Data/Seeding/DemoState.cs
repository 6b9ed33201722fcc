using CxDashboard.Domain.Common;
using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Organisation;

namespace CxDashboard.Web.Data.Seeding;

/// <summary>What one seeding run has built so far, looked up by the catalogue's codes.</summary>
internal sealed class DemoState(DateTime now, IReadOnlyList<Period> quarters)
{
    public DateTime Now { get; } = now;
    public DateOnly Today { get; } = DateOnly.FromDateTime(now);

    /// <summary>The eight quarters of history, oldest first; the last is the current one.</summary>
    public IReadOnlyList<Period> Quarters { get; } = quarters;

    public Period CurrentQuarter => Quarters[^1];
    public DateTime Origin => Quarters[0].StartUtc;

    public Dictionary<string, Team> Teams { get; } = [];

    /// <summary>People by the part of their e-mail before the @ (<c>eleanor.hartley</c>).</summary>
    public Dictionary<string, Person> People { get; } = [];

    public Dictionary<string, Channel> Channels { get; } = [];
    public Dictionary<string, JourneyStage> Stages { get; } = [];
    public Dictionary<string, MetricDefinition> Metrics { get; } = [];

    /// <summary>Quarterly values as recorded: metric code, quarter index, channel id (null = total).</summary>
    public Dictionary<(string Code, int Quarter, int? ChannelId), double> QuarterValues { get; } = [];

    /// <summary>The friction issues, in the order of <see cref="DemoFriction.All"/>.</summary>
    public List<FrictionIssue> Issues { get; } = [];

    public Person CxLead => People["eleanor.hartley"];
    public Person Executive => People["margaret.osei"];
    public Person Admin => People["david.nguyen"];

    public Person Person(string emailUser) => People[emailUser];

    public Person LeadOf(string teamCode) => LeadOf(Teams[teamCode].Id);

    public Person LeadOf(int teamId)
    {
        var leadId = Teams.Values.Single(t => t.Id == teamId).LeadPersonId;
        return People.Values.Single(p => p.Id == leadId);
    }

    /// <summary>A team's members other than its lead, in catalogue order; the lead when there is nobody else.</summary>
    public IReadOnlyList<Person> MembersOf(string teamCode)
    {
        var team = Teams[teamCode];
        var members = People.Values.Where(p => p.TeamId == team.Id && p.Id != team.LeadPersonId).OrderBy(p => p.Id).ToList();
        return members.Count > 0 ? members : [LeadOf(teamCode)];
    }

    public string TeamName(int teamId) => Teams.Values.Single(t => t.Id == teamId).Name;

    public int QuarterIndexOf(DateTime at)
    {
        var day = DateOnly.FromDateTime(at);
        for (var i = 0; i < Quarters.Count; i++)
        {
            if (Quarters[i].Contains(day))
            {
                return i;
            }
        }
        return day < Quarters[0].Start ? 0 : Quarters.Count - 1;
    }

    public IReadOnlyList<FeedbackChannel> FeedbackChannels()
    {
        var frontLine = MembersOf("stores").Select(p => p.Id).ToArray();
        var advisers = MembersOf("contact-centre").Select(p => p.Id).ToArray();
        return DemoCatalogue.Channels.Select(spec =>
        {
            var recorders = spec.Code switch
            {
                "store" => frontLine,
                "app" => [.. frontLine, Person("zoe.hughes").Id],
                "social" => [Person("sam.wilson").Id],
                _ => advisers,
            };
            var mood = spec.Code switch
            {
                "store" => 0.55,
                "website" => 0.56,
                "app" => 0.47,
                "contact-centre" => 0.52,
                "social" => 0.45,
                _ => 0.44,
            };
            return new FeedbackChannel(Channels[spec.Code].Id, spec.Code, spec.FeedbackShare, LeadOf(spec.OwningTeamCode).Id, recorders, mood);
        }).ToList();
    }

    public IReadOnlyList<FeedbackEvidence> FeedbackEvidence()
    {
        var channelIndex = DemoCatalogue.Channels.Select((c, i) => (c.Code, i)).ToDictionary(x => Channels[x.Code].Id, x => x.i);
        return DemoFriction.All.Select((script, i) =>
        {
            var issue = Issues[i];
            var templates = script.Evidence.Select(line => line.StartsWith("staff:", StringComparison.Ordinal)
                    ? (Voice.Staff, VerbatimTemplate.Compile(script.Stage, script.Category, "*", Sentiment.Negative, line["staff:".Length..]))
                    : (Voice.Customer, VerbatimTemplate.Compile(script.Stage, script.Category, "*", Sentiment.Negative, line)))
                .ToList();
            return new FeedbackEvidence(
                issue.Id,
                issue.JourneyStageId,
                [.. issue.Channels.Select(c => channelIndex[c.ChannelId])],
                issue.CreatedAt.AddDays(-45),
                issue.ResolvedAt ?? Now,
                [.. templates.Where(t => t.Item1 == Voice.Customer).Select(t => t.Item2)],
                [.. templates.Where(t => t.Item1 == Voice.Staff).Select(t => t.Item2)]);
        }).ToList();
    }

    /// <summary>The recorded total of a metric for the quarter containing a moment, or the nearest recorded one.</summary>
    public double? TotalAround(string metricCode, DateTime at)
    {
        var index = QuarterIndexOf(at);
        for (var distance = 0; distance < Quarters.Count; distance++)
        {
            foreach (var candidate in new[] { index - distance, index + distance })
            {
                if (QuarterValues.TryGetValue((metricCode, candidate, null), out var value))
                {
                    return value;
                }
            }
        }
        return null;
    }

    public MetricDefinition Metric(string code) => Metrics[code];
}

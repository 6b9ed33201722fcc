using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;

namespace CxDashboard.Web.Data.Seeding;

public sealed partial class DemoDataSeeder
{
    private const int MetricSeed = 4_711;

    private static readonly string?[] SignOffComments =
    [
        null,
        "Agreed.",
        null,
        "Agreed; we will report our channel's figure from the same source.",
        "Happy with the definition. The target is stretching but fair.",
        null,
        "Signed off on behalf of the team after discussing it at our huddle.",
    ];

    private async Task SeedMetricsAsync(CxDbContext db, DemoState state, CancellationToken cancellationToken)
    {
        var random = new Random(MetricSeed);
        for (var index = 0; index < DemoMetrics.All.Length; index++)
        {
            var spec = DemoMetrics.All[index];
            state.Metrics[spec.Code] = BuildMetric(spec, index, state, random);
        }
        db.Metrics.AddRange(state.Metrics.Values);
        await db.SaveChangesAsync(cancellationToken);

        var values = 0;
        foreach (var spec in DemoMetrics.All.Where(DemoMetrics.HasValues))
        {
            var recorded = RecordValues(spec, state, random);
            db.MetricValues.AddRange(recorded);
            values += recorded.Count;
        }
        await db.SaveChangesAsync(cancellationToken);

        foreach (var spec in DemoMetrics.All.Where(m => m.Fate == DemoMetricFate.Retired))
        {
            var owner = state.Person(spec.OwnerEmailUser);
            state.Metric(spec.Code).Retire(DemoMetrics.RetiredReason, owner.Id, state.Quarters[4].StartUtc.AddDays(20).AddHours(11));
        }
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Seeded {Metrics} metrics with {Values} values", state.Metrics.Count, values);
    }

    private static MetricDefinition BuildMetric(DemoMetric spec, int index, DemoState state, Random random)
    {
        var owner = state.Person(spec.OwnerEmailUser);
        var team = state.Teams[spec.TeamCode];
        var metricSpec = SpecOf(spec, state, spec.Description);
        var targets = Targets(spec, state, extraAmbition: 0);

        var drafted = spec.Fate switch
        {
            DemoMetricFate.Draft => state.Now.AddDays(-12),
            DemoMetricFate.Proposed or DemoMetricFate.ProposedWithObjection => state.Now.AddDays(-50),
            _ when spec.AgreedInQuarter > 0 => state.Quarters[spec.AgreedInQuarter].StartUtc.AddDays(-25),
            _ => state.Origin.AddDays(-60),
        };
        drafted = drafted.Date.AddHours(9 + index % 8);
        var metric = MetricDefinition.Draft(spec.Code, spec.Name, spec.Dimension, owner.Id, team.Id, metricSpec, targets, owner.Id, drafted);

        if (spec.Fate == DemoMetricFate.Draft)
        {
            metric.Revise(metricSpec with { Formula = spec.Formula + " Weekends are reported separately." }, targets, owner.Id,
                drafted.AddDays(4), "Split out weekends after talking to the contact centre.");
            return metric;
        }

        var proposed = drafted.AddDays(6);
        metric.Propose(spec.StakeholderTeams.Select(code => state.Teams[code].Id), owner.Id, proposed);
        var at = proposed;
        var teams = metric.Current.StakeholderTeamIds.ToList();
        for (var i = 0; i < teams.Count; i++)
        {
            at = at.AddDays(1 + random.Next(3)).AddHours(random.Next(6));
            var lead = state.LeadOf(teams[i]);
            if (spec.Fate == DemoMetricFate.Proposed && i >= teams.Count / 2)
            {
                break;
            }
            if (spec.Fate == DemoMetricFate.ProposedWithObjection && teams[i] == state.Teams["stores"].Id)
            {
                metric.Object(teams[i], lead.Id,
                    "Stores cannot run a weekly stock count in every store. We would sign off a monthly sample of 20 stores, measured by Product.",
                    at);
                continue;
            }
            metric.SignOff(teams[i], lead.Id, SignOffComments[random.Next(SignOffComments.Length)], at);
        }

        if (spec.Fate == DemoMetricFate.AgreedWithPendingRevision)
        {
            var revised = SpecOf(spec, state,
                spec.Description + " Click & collect orders count as kept only when ready by the promised hour.");
            var opened = state.Now.AddDays(-20).Date.AddHours(10);
            metric.Revise(revised, Targets(spec, state, extraAmbition: spec.Tolerance / 2), owner.Id, opened,
                "Include click & collect in the promise and raise the target from this quarter.");
            metric.SignOff(team.Id, state.LeadOf(team.Id).Id, "Agreed for Supply chain.", opened.AddDays(2));
            metric.SignOff(state.Teams["ecommerce"].Id, state.LeadOf("ecommerce").Id, null, opened.AddDays(5));
        }
        return metric;
    }

    private static MetricSpec SpecOf(DemoMetric spec, DemoState state, string description) => new(
        description, spec.Formula, spec.DataSource, spec.Unit, spec.Direction, spec.Aggregation, spec.Cadence,
        [.. spec.Channels.Select(code => state.Channels[code].Id)], spec.ComputedFrom);

    /// <summary>
    /// Targets for the eight quarters and the next, slightly ahead of the trend so that about half the
    /// values land green. Channels that differ from the total get their own target; the channels the
    /// teams chose to push (<see cref="DemoMetric.ChannelTargets"/>) get a stretch target.
    /// </summary>
    private static List<TargetSpec> Targets(DemoMetric spec, DemoState state, double extraAmbition)
    {
        const double ahead = 0.25;
        var targets = new List<TargetSpec>();
        var sign = spec.Direction == Direction.HigherIsBetter ? 1 : -1;
        var channels = spec.Channels.Where(c => spec.ChannelTargets.Contains(c) || spec.OffsetFor(c) != 0).ToList();
        for (var i = 0; i <= state.Quarters.Count; i++)
        {
            var quarter = i < state.Quarters.Count ? state.Quarters[i] : state.CurrentQuarter.Next;
            var extra = i >= state.Quarters.Count - 1 ? sign * extraAmbition : 0;
            targets.Add(new TargetSpec(quarter, null, spec.Clamp(spec.Expected(i, null) + ahead * spec.TargetAhead + extra), spec.Tolerance));
            foreach (var channel in channels)
            {
                var stretch = spec.ChannelTargets.Contains(channel) ? 2 : ahead;
                targets.Add(new TargetSpec(quarter, state.Channels[channel].Id,
                    spec.Clamp(spec.Expected(i, channel) + stretch * spec.TargetAhead + extra), spec.Tolerance));
            }
        }
        return targets;
    }

    private static List<MetricValue> RecordValues(DemoMetric spec, DemoState state, Random random)
    {
        var metric = state.Metric(spec.Code);
        var owner = state.Person(spec.OwnerEmailUser);
        var channels = spec.Channels.Select(code => (Code: (string?)code, Id: (int?)state.Channels[code].Id))
            .Prepend((Code: null, Id: null)).ToList();
        var lastQuarter = spec.Fate == DemoMetricFate.Retired ? 3 : state.Quarters.Count - 1;
        var values = new List<MetricValue>();

        for (var q = 0; q <= lastQuarter; q++)
        {
            var period = state.Quarters[q];
            var recordedAt = Earlier(period.EndExclusiveUtc.AddDays(5 + random.Next(5)).AddHours(10), state.Now.AddHours(-2));
            foreach (var (code, id) in channels)
            {
                var value = spec.Clamp(spec.Expected(q, code) + spec.Noise * Gaussian(random));
                state.QuarterValues[(spec.Code, q, id)] = value;
                var recorder = code is null ? owner : state.LeadOf(state.Channels[code].OwningTeamId);
                values.Add(MetricValue.Record(metric, period, id, value, SampleSize(spec, q, code, random), recorder.Id, recordedAt, state.Today));
            }
        }

        if (spec.AlsoMonthly)
        {
            for (var month = Period.Month(state.Origin.Year, state.Origin.Month); month.Start <= state.Today; month = month.Next)
            {
                var q = state.QuarterIndexOf(month.StartUtc);
                var progress = q + (month.Number - 1) % 3 / 3.0;
                var recordedAt = Earlier(month.EndExclusiveUtc.AddDays(3).AddHours(9), state.Now.AddHours(-1));
                foreach (var (code, id) in channels)
                {
                    var value = spec.Clamp(spec.Expected(0, code) + spec.Step * progress + spec.Noise * 1.3 * Gaussian(random));
                    var recorder = code is null ? owner : state.LeadOf(state.Channels[code].OwningTeamId);
                    values.Add(MetricValue.Record(metric, month, id, value, null, recorder.Id, recordedAt, state.Today));
                }
            }
        }
        return values;
    }

    private static int? SampleSize(DemoMetric spec, int quarter, string? channel, Random random)
    {
        if (!spec.Sampled)
        {
            return null;
        }
        var total = spec.Code == "REVIEWS" ? 1_800 + 120 * quarter : 1_150;
        var share = channel is null ? 1.0 : 1.0 / spec.Channels.Length;
        return (int)(total * share) + random.Next(60);
    }

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>A standard normal draw (Box–Muller), so noise is mostly small and now and then large.</summary>
    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}

using System.Globalization;
using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Metrics;

/// <summary>
/// Checks a batch of values as a whole (rights, cadence, the Domain's rules, repeats, changes made
/// by others meanwhile) and saves all of them in one transaction, or none.
/// </summary>
internal static class MetricValuesWriter
{
    /// <param name="foundEarlier">Problems the caller already found (rows of a file that could not be read); with any, nothing is saved.</param>
    public static async Task<ValueSaveResult> SaveAsync(CxDbContext db, Caller caller, int metricId, IReadOnlyList<ValueInput> inputs,
        TimeProvider clock, CancellationToken ct, IReadOnlyList<ValueProblem>? foundEarlier = null)
    {
        var personId = caller.RequirePersonId();
        if (!caller.IsCxLead && !caller.IsChannelLead)
        {
            throw new NotAllowedException("Only a CX lead or a channel lead enters metric values.");
        }
        var metric = await MetricsService.LoadAsync(db, metricId, ct) ?? throw new NotFoundException("That metric no longer exists.");
        if (inputs.Count == 0 && foundEarlier is not { Count: > 0 })
        {
            return ValueSaveResult.Refused("There are no values to save.");
        }
        var channels = await db.Channels.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var cadence = metric.Current.Cadence;

        var problems = new List<ValueProblem>(foundEarlier ?? []);
        var firstRowOf = new Dictionary<(Period, int?), int>();
        foreach (var input in inputs)
        {
            var where = Describe(input.Period, input.ChannelId, channels);
            if (firstRowOf.TryGetValue((input.Period, input.ChannelId), out var first))
            {
                problems.Add(new ValueProblem(input.Row, $"{where} appears twice (also row {first})."));
                continue;
            }
            firstRowOf[(input.Period, input.ChannelId)] = input.Row;
            if (RightsProblem(caller, input.ChannelId, channels) is { } refused)
            {
                problems.Add(new ValueProblem(input.Row, refused));
            }
            else if (input.Period.Kind != cadence)
            {
                problems.Add(new ValueProblem(input.Row,
                    $"{metric.Name} is recorded per {cadence.ToString().ToLowerInvariant()}; {input.Period} is a {input.Period.Kind.ToString().ToLowerInvariant()}."));
            }
            else if (MetricValue.Problem(metric, input.Period, input.ChannelId, input.Value, input.SampleSize, today, input.Low, input.High) is { } problem)
            {
                problems.Add(new ValueProblem(input.Row, $"{where}: {problem}"));
            }
        }
        if (problems.Count > 0)
        {
            return ValueSaveResult.Refused(problems.OrderBy(p => p.Row).ToList());
        }

        var starts = inputs.Select(i => i.Period.Start).Distinct().ToList();
        var existing = (await db.MetricValues
                .Where(v => v.MetricDefinitionId == metricId && v.PeriodKind == cadence && starts.Contains(v.PeriodStart))
                .ToListAsync(ct))
            .ToDictionary(v => (v.Period, v.ChannelId));

        foreach (var input in inputs.Where(i => i.CheckVersion))
        {
            var found = existing.GetValueOrDefault((input.Period, input.ChannelId));
            if (found is null ? input.VersionSeen is not null : input.VersionSeen != db.VersionOf(found))
            {
                var standing = found is null ? "is now empty" : $"is now {MetricUnitRules.Format(metric.Current.Unit, found.Value)}";
                problems.Add(new ValueProblem(input.Row,
                    $"{Describe(input.Period, input.ChannelId, channels)} was changed by someone else after you opened the grid: it {standing}."));
            }
        }
        if (problems.Count > 0)
        {
            return ValueSaveResult.Refused(problems);
        }

        var saved = 0;
        foreach (var input in inputs)
        {
            if (existing.TryGetValue((input.Period, input.ChannelId), out var value))
            {
                if (value.Value.Equals(input.Value) && value.SampleSize == input.SampleSize && value.Low == input.Low && value.High == input.High)
                {
                    continue;
                }
                value.Correct(metric, input.Value, input.SampleSize, personId, now, today, input.Low, input.High);
            }
            else
            {
                db.MetricValues.Add(MetricValue.Record(metric, input.Period, input.ChannelId, input.Value, input.SampleSize, personId, now, today,
                    input.Low, input.High));
            }
            saved++;
        }
        try
        {
            await db.SaveChangesAsync(caller.ToAuditActor(), clock, ct);
        }
        catch (DbUpdateException)
        {
            // A unique index or a version check refused a row another person wrote at the same moment.
            throw new ConcurrencyConflictException($"Someone else saved values of {metric.Name} at the same time. Nothing was saved: reload to see their values.");
        }
        return new ValueSaveResult(saved, []);
    }

    private static string? RightsProblem(Caller caller, int? channelId, IReadOnlyDictionary<int, Domain.Organisation.Channel> channels)
    {
        if (channelId is null)
        {
            return MetricRules.MayEnterValues(caller, null, isTotal: true) ? null : "Only a CX lead enters the total across channels.";
        }
        if (!channels.TryGetValue(channelId.Value, out var channel))
        {
            return "That channel does not exist.";
        }
        return MetricRules.MayEnterValues(caller, channel.OwningTeamId, isTotal: false)
            ? null
            : $"You may enter values only for channels your team owns; {channel.Name} belongs to another team.";
    }

    private static string Describe(Period period, int? channelId, IReadOnlyDictionary<int, Domain.Organisation.Channel> channels) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{period} {(channelId is { } c ? channels.GetValueOrDefault(c)?.Name ?? "unknown channel" : "total")}");
}

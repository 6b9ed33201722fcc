using CxDashboard.Domain.Common;
using CxDashboard.Domain.Metrics;
using CxDashboard.Web.Data;
using CxDashboard.Web.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace CxDashboard.Web.Features.Metrics;

/// <summary>
/// Changes to metrics: drafting, proposing, signing off, objecting, revising, retiring and entering
/// values. Each command checks the caller's right on the server, calls the Domain and saves with
/// the version the person saw, so that two people never overwrite each other silently.
/// </summary>
public sealed class MetricCommands(IDbContextFactory<CxDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The form of an existing metric and the version it was read at.</summary>
    public async Task<(MetricForm Form, int Version)?> GetFormAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var metric = await MetricsService.LoadAsync(db, id, ct);
        return metric is null ? null : (MetricForm.From(metric), db.VersionOf(metric));
    }

    public async Task<int> CreateAsync(Caller caller, MetricForm form, bool propose, CancellationToken ct = default)
    {
        var personId = caller.RequirePersonId();
        if (!caller.IsCxLead && !caller.IsChannelLead)
        {
            throw new NotAllowedException("Only a CX lead or a channel lead can draft a metric.");
        }
        if (!caller.IsCxLead && form.OwningTeamId != caller.TeamId)
        {
            throw new NotAllowedException("A channel lead drafts metrics owned by their own team.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var code = MetricDefinition.NormaliseCode(form.Code);
        if (await db.Metrics.AnyAsync(m => m.Code == code, ct))
        {
            throw new DomainException($"There is already a metric with the code {code}.");
        }
        var now = Now;
        var metric = MetricDefinition.Draft(form.Code, form.Name, form.Dimension, form.OwnerPersonId, form.OwningTeamId,
            form.ToSpec(), form.ToTargets(), personId, now);
        metric.RequireAnswers(form.MinimumSampleSize);
        if (propose)
        {
            metric.Propose(form.StakeholderTeamIds, personId, now);
        }
        db.Metrics.Add(metric);
        await db.SaveAsAsync(caller, clock, metric.Name, ct);
        return metric.Id;
    }

    /// <summary>
    /// Saves the form. A change to the definition or targets of an agreed metric opens a new revision
    /// for its stakeholders, while the agreed one stays in force.
    /// </summary>
    public async Task UpdateAsync(Caller caller, int id, int versionSeen, MetricForm form, bool propose, CancellationToken ct = default)
    {
        var personId = caller.RequirePersonId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var metric = await FindAsync(db, id, ct);
        MetricRules.EnsureMayManage(caller, metric);
        if (!caller.IsCxLead && form.OwningTeamId != caller.TeamId)
        {
            throw new NotAllowedException("Only a CX lead can hand a metric over to another team.");
        }
        var now = Now;
        if (form.Name.Trim() != metric.Name)
        {
            metric.Rename(form.Name);
        }
        if (form.OwnerPersonId != metric.OwnerPersonId || form.OwningTeamId != metric.OwningTeamId)
        {
            metric.HandOver(form.OwnerPersonId, form.OwningTeamId);
        }
        if (form.MinimumSampleSize != metric.MinimumSampleSize)
        {
            metric.RequireAnswers(form.MinimumSampleSize);
        }
        var editing = metric.Pending ?? metric.Current;
        var spec = form.ToSpec();
        var targets = form.ToTargets();
        if (!SameDefinition(editing, spec, targets))
        {
            metric.Revise(spec, targets, personId, now, form.Note);
        }
        if (propose && metric.Pending is { Status: RevisionStatus.Draft })
        {
            metric.Propose(form.StakeholderTeamIds, personId, now);
        }
        db.ExpectVersion(metric, versionSeen);
        await db.SaveAsAsync(caller, clock, metric.Name, ct);
    }

    public Task ProposeAsync(Caller caller, int id, int versionSeen, IReadOnlyCollection<int> stakeholderTeamIds, CancellationToken ct = default) =>
        ChangeAsync(caller, id, versionSeen, (metric, personId, now) =>
        {
            MetricRules.EnsureMayManage(caller, metric);
            metric.Propose(stakeholderTeamIds, personId, now);
        }, ct);

    public Task SignOffAsync(Caller caller, int id, int versionSeen, string? comment, CancellationToken ct = default) =>
        ChangeAsync(caller, id, versionSeen, (metric, personId, now) =>
            metric.SignOff(AnsweringTeam(caller, metric), personId, comment, now), ct);

    public Task ObjectAsync(Caller caller, int id, int versionSeen, string comment, CancellationToken ct = default) =>
        ChangeAsync(caller, id, versionSeen, (metric, personId, now) =>
            metric.Object(AnsweringTeam(caller, metric), personId, comment, now), ct);

    public Task RetireAsync(Caller caller, int id, int versionSeen, string reason, CancellationToken ct = default) =>
        ChangeAsync(caller, id, versionSeen, (metric, personId, now) =>
        {
            if (!caller.IsCxLead)
            {
                throw new NotAllowedException("Only a CX lead can retire a metric.");
            }
            metric.Retire(reason, personId, now);
        }, ct);

    /// <summary>Records or corrects values: all of them, or none when any is refused (each refusal names its row).</summary>
    public async Task<ValueSaveResult> SaveValuesAsync(Caller caller, int id, IReadOnlyList<ValueInput> inputs, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await MetricValuesWriter.SaveAsync(db, caller, id, inputs, clock, ct);
    }

    private async Task ChangeAsync(Caller caller, int id, int versionSeen, Action<MetricDefinition, int, DateTime> change, CancellationToken ct)
    {
        var personId = caller.RequirePersonId();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var metric = await FindAsync(db, id, ct);
        change(metric, personId, Now);
        db.ExpectVersion(metric, versionSeen);
        await db.SaveAsAsync(caller, clock, metric.Name, ct);
    }

    private static int AnsweringTeam(Caller caller, MetricDefinition metric)
    {
        if (!caller.IsCxLead && !caller.IsChannelLead)
        {
            throw new NotAllowedException("Only a lead of a stakeholder team can sign off or object.");
        }
        if (!MetricRules.MayAnswer(caller, metric.Pending))
        {
            throw new NotAllowedException($"Your team is not asked to sign off {metric.Name}.");
        }
        return caller.TeamId!.Value;
    }

    private static async Task<MetricDefinition> FindAsync(CxDbContext db, int id, CancellationToken ct) =>
        await MetricsService.LoadAsync(db, id, ct) ?? throw new NotFoundException("That metric no longer exists.");

    private static bool SameDefinition(MetricRevision revision, MetricSpec spec, IReadOnlyList<TargetSpec> targets)
    {
        var current = revision.Spec;
        var sameSpec = current.Description == spec.Description.Trim() && current.Formula == spec.Formula.Trim()
            && current.DataSource == spec.DataSource.Trim() && current.Unit == spec.Unit && current.Direction == spec.Direction
            && current.Aggregation == spec.Aggregation && current.Cadence == spec.Cadence && current.ComputedFrom == spec.ComputedFrom
            && current.ChannelIds.Order().SequenceEqual(spec.ChannelIds.Distinct().Order());
        var existing = revision.Targets.Select(t => new TargetSpec(t.Quarter, t.ChannelId, t.Value, t.AmberTolerance)).ToHashSet();
        var proposed = targets.Select(t => t with { AmberTolerance = Math.Abs(t.AmberTolerance) }).ToHashSet();
        return sameSpec && existing.SetEquals(proposed);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

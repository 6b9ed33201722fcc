using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public sealed class FrictionIssueConfiguration : IEntityTypeConfiguration<FrictionIssue>
{
    public void Configure(EntityTypeBuilder<FrictionIssue> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(200);
        builder.Property(i => i.Description).HasMaxLength(4000);
        builder.Property(i => i.RootCause).HasMaxLength(2000);
        builder.Property(i => i.WontFixReason).HasMaxLength(1000);
        builder.Property(i => i.Resolution).HasMaxLength(4000);
        builder.Property(i => i.ToldHow).HasMaxLength(500);
        builder.Ignore(i => i.IsOpen);

        // The most severe open issues, oldest first among equals (the dashboard's top friction): read per open status in
        // this index's order, a few entries each, instead of sorting every open issue. The key ends with the id on both
        // providers (SQLite's rowid, SQL Server's clustered key), the last tie-break.
        builder.HasIndex(i => new { i.Status, i.Severity, i.CreatedAt }).IsDescending(false, true, false);
        builder.HasIndex(i => new { i.OwningTeamId, i.Status });
        builder.HasIndex(i => new { i.JourneyStageId, i.Status });
        builder.HasIndex(i => new { i.OwnerPersonId, i.Status });
        builder.HasIndex(i => i.CreatedAt);
        builder.HasIndex(i => i.ClosedAt);
        // The issues closed in a quarter, and how many of them told the customers (the dashboard's closed loop).
        builder.HasIndex(i => new { i.Status, i.ClosedAt, i.Told });

        builder.HasOne<JourneyStage>().WithMany().HasForeignKey(i => i.JourneyStageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(i => i.OwningTeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.CreatedByPersonId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(i => i.Channels).WithOne().HasForeignKey(c => c.FrictionIssueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.ContributingTeams).WithOne().HasForeignKey(t => t.FrictionIssueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.LinkedMetrics).WithOne().HasForeignKey(m => m.FrictionIssueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.History).WithOne().HasForeignKey(h => h.FrictionIssueId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Channels).HasField("_channels");
        builder.Navigation(i => i.ContributingTeams).HasField("_contributingTeams");
        builder.Navigation(i => i.LinkedMetrics).HasField("_linkedMetrics");
        builder.Navigation(i => i.History).HasField("_history");
        builder.HasVersion();
    }
}

public sealed class FrictionChannelConfiguration : IEntityTypeConfiguration<FrictionChannel>
{
    public void Configure(EntityTypeBuilder<FrictionChannel> builder)
    {
        builder.HasKey(c => new { c.FrictionIssueId, c.ChannelId });
        builder.HasIndex(c => c.ChannelId);
        builder.HasOne<Channel>().WithMany().HasForeignKey(c => c.ChannelId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ContributingTeamConfiguration : IEntityTypeConfiguration<ContributingTeam>
{
    public void Configure(EntityTypeBuilder<ContributingTeam> builder)
    {
        builder.HasKey(t => new { t.FrictionIssueId, t.TeamId });
        builder.HasIndex(t => t.TeamId);
        builder.HasOne<Team>().WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class LinkedMetricConfiguration : IEntityTypeConfiguration<LinkedMetric>
{
    public void Configure(EntityTypeBuilder<LinkedMetric> builder)
    {
        builder.HasKey(m => new { m.FrictionIssueId, m.MetricDefinitionId });
        builder.HasIndex(m => m.MetricDefinitionId);
        builder.Ignore(m => m.IsChecked);
        builder.Property(m => m.Finding).HasMaxLength(120);
        builder.Ignore(m => m.ShowsRealImprovement);
        builder.Ignore(m => m.AllowsClosing);
        builder.Property(m => m.ReasonToCloseWithoutImprovement).HasMaxLength(1000);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.ReasonGivenByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MetricDefinition>().WithMany().HasForeignKey(m => m.MetricDefinitionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class FrictionStatusChangeConfiguration : IEntityTypeConfiguration<FrictionStatusChange>
{
    public void Configure(EntityTypeBuilder<FrictionStatusChange> builder)
    {
        builder.Property(h => h.Note).HasMaxLength(1000);
        builder.HasIndex(h => new { h.FrictionIssueId, h.At });
        builder.HasOne<Person>().WithMany().HasForeignKey(h => h.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

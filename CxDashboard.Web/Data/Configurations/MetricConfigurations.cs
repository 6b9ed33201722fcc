using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public sealed class MetricDefinitionConfiguration : IEntityTypeConfiguration<MetricDefinition>
{
    public void Configure(EntityTypeBuilder<MetricDefinition> builder)
    {
        builder.ToTable("Metrics");
        builder.Property(m => m.Code).HasMaxLength(40);
        builder.Property(m => m.Name).HasMaxLength(120);
        builder.Property(m => m.RetiredReason).HasMaxLength(1000);
        builder.HasIndex(m => m.Code).IsUnique();
        builder.HasIndex(m => new { m.Status, m.Dimension });
        builder.HasIndex(m => m.OwningTeamId);
        builder.HasIndex(m => m.Name);
        builder.HasOne<Team>().WithMany().HasForeignKey(m => m.OwningTeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Revisions).WithOne().HasForeignKey(r => r.MetricDefinitionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Events).WithOne().HasForeignKey(e => e.MetricDefinitionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Revisions).HasField("_revisions");
        builder.Navigation(m => m.Events).HasField("_events");
        builder.Ignore(m => m.InForce);
        builder.Ignore(m => m.Pending);
        builder.Ignore(m => m.Current);
        builder.HasVersion();
    }
}

public sealed class MetricRevisionConfiguration : IEntityTypeConfiguration<MetricRevision>
{
    public void Configure(EntityTypeBuilder<MetricRevision> builder)
    {
        builder.Property(r => r.Description).HasMaxLength(2000);
        builder.Property(r => r.Formula).HasMaxLength(1000);
        builder.Property(r => r.DataSource).HasMaxLength(500);
        builder.PrimitiveCollection(r => r.ChannelIds);
        builder.PrimitiveCollection(r => r.StakeholderTeamIds);
        builder.HasIndex(r => new { r.MetricDefinitionId, r.Number }).IsUnique();
        builder.HasIndex(r => new { r.MetricDefinitionId, r.Status });
        builder.HasMany(r => r.SignOffs).WithOne().HasForeignKey(s => s.MetricRevisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Targets).WithOne().HasForeignKey(t => t.MetricRevisionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.SignOffs).HasField("_signOffs");
        builder.Navigation(r => r.Targets).HasField("_targets");
        builder.Ignore(r => r.Spec);
        builder.Ignore(r => r.Answers);
        builder.Ignore(r => r.TeamsStillToSignOff);
        builder.Ignore(r => r.IsPending);
    }
}

public sealed class MetricSignOffConfiguration : IEntityTypeConfiguration<MetricSignOff>
{
    public void Configure(EntityTypeBuilder<MetricSignOff> builder)
    {
        builder.Property(s => s.Comment).HasMaxLength(1000);
        builder.HasOne<Team>().WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MetricTargetConfiguration : IEntityTypeConfiguration<MetricTarget>
{
    public void Configure(EntityTypeBuilder<MetricTarget> builder)
    {
        builder.HasIndex(t => new { t.MetricRevisionId, t.Quarter, t.ChannelId });
        builder.HasOne<Channel>().WithMany().HasForeignKey(t => t.ChannelId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MetricEventConfiguration : IEntityTypeConfiguration<MetricEvent>
{
    public void Configure(EntityTypeBuilder<MetricEvent> builder)
    {
        builder.Property(e => e.Comment).HasMaxLength(1000);
        builder.HasIndex(e => new { e.MetricDefinitionId, e.At });
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MetricValueConfiguration : IEntityTypeConfiguration<MetricValue>
{
    public void Configure(EntityTypeBuilder<MetricValue> builder)
    {
        // One value per metric, period and channel; the total (no channel) needs its own index
        // because a unique index treats NULLs as distinct on SQLite.
        builder.HasIndex(v => new { v.MetricDefinitionId, v.Period, v.ChannelId }).IsUnique().HasFilter("ChannelId IS NOT NULL");
        builder.HasIndex(v => new { v.MetricDefinitionId, v.Period }).IsUnique().HasFilter("ChannelId IS NULL")
            .HasDatabaseName("IX_MetricValues_Total");
        builder.HasIndex(v => new { v.MetricDefinitionId, v.PeriodKind, v.PeriodStart, v.ChannelId });
        // Every agreed metric's values for a channel (or the total) over a few quarters, as the dashboard and
        // the scorecard read them: one range of this index, which holds what is summed.
        builder.HasIndex(v => new { v.ChannelId, v.PeriodStart, v.MetricDefinitionId, v.PeriodKind, v.Value, v.SampleSize, v.Low, v.High });
        builder.HasOne<MetricDefinition>().WithMany().HasForeignKey(v => v.MetricDefinitionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Channel>().WithMany().HasForeignKey(v => v.ChannelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(v => v.RecordedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasVersion();
    }
}

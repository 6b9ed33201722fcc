using CxDashboard.Domain.Metrics;
using CxDashboard.Domain.Organisation;
using CxDashboard.Domain.Scorecards;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public sealed class ScorecardConfiguration : IEntityTypeConfiguration<Scorecard>
{
    public void Configure(EntityTypeBuilder<Scorecard> builder)
    {
        builder.Property(s => s.Headline).HasMaxLength(2000);
        builder.HasIndex(s => s.Quarter).IsUnique();
        builder.Ignore(s => s.IsPublished);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.CreatedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PublishedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.ScorecardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Commentary).WithOne().HasForeignKey(c => c.ScorecardId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Lines).HasField("_lines");
        builder.Navigation(s => s.Commentary).HasField("_commentary");
        builder.HasVersion();
    }
}

public sealed class ScorecardLineConfiguration : IEntityTypeConfiguration<ScorecardLine>
{
    public void Configure(EntityTypeBuilder<ScorecardLine> builder)
    {
        builder.Property(l => l.MetricCode).HasMaxLength(40);
        builder.Property(l => l.MetricName).HasMaxLength(120);
        builder.Property(l => l.ChannelName).HasMaxLength(100);
        builder.Property(l => l.Commentary).HasMaxLength(2000);
        builder.Ignore(l => l.Trend);
        builder.Ignore(l => l.ChangeOnPreviousQuarter);
        builder.Ignore(l => l.Figure);
        builder.Ignore(l => l.PreviousFigure);
        builder.Ignore(l => l.HasTooFewAnswers);
        builder.Ignore(l => l.AgainstTarget);
        builder.Property(l => l.ChangeWording).HasMaxLength(120);
        builder.HasIndex(l => new { l.ScorecardId, l.MetricDefinitionId, l.ChannelId });
        // Lines are a frozen copy: they keep the metric's id for links but do not depend on the metric row.
        builder.HasOne<MetricDefinition>().WithMany().HasForeignKey(l => l.MetricDefinitionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ScorecardCommentaryConfiguration : IEntityTypeConfiguration<ScorecardCommentary>
{
    public void Configure(EntityTypeBuilder<ScorecardCommentary> builder)
    {
        builder.HasKey(c => new { c.ScorecardId, c.MetricDefinitionId });
        builder.Property(c => c.Text).HasMaxLength(2000);
        builder.HasOne<MetricDefinition>().WithMany().HasForeignKey(c => c.MetricDefinitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.AuthorPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

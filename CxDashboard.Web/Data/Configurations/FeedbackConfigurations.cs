using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public sealed class FeedbackItemConfiguration : IEntityTypeConfiguration<FeedbackItem>
{
    /// <summary>The inbox's sort by score: the score, or <see cref="UnscoredSortKey"/> for unscored feedback.</summary>
    public const string ScoreSortKey = "ScoreSortKey";

    /// <summary>Below every score on every scale (the lowest is 0), so unscored feedback sorts last when highest comes first.</summary>
    public const int UnscoredSortKey = -1;

    public void Configure(EntityTypeBuilder<FeedbackItem> builder)
    {
        builder.ToTable("Feedback");
        builder.Property(f => f.Verbatim).HasMaxLength(FeedbackItem.MaxVerbatimLength);
        builder.Property(f => f.CustomerRef).HasMaxLength(64);
        builder.Property(f => f.ExternalId).HasMaxLength(100);
        builder.Property(f => f.ExternalSource).HasMaxLength(FeedbackItem.MaxExternalSourceLength);
        builder.Property(f => f.ExternalKey).HasMaxLength(100);
        builder.Property(f => f.FollowUpNote).HasMaxLength(2000);
        builder.Ignore(f => f.NeedsFollowUp);
        // Computed by the database (not stored on SQLite, where a stored column cannot be added to an
        // existing table; deterministic, hence indexable, on SQL Server), so no code has to keep it right.
        builder.Property<int>(ScoreSortKey).HasComputedColumnSql("COALESCE(Score, -1)", stored: false);

        // The inbox sorts newest first and pages by (ReceivedAt, Id); each filter it offers leads an
        // index that ends in the same keys, so a filtered page is an index range scan.
        builder.HasIndex(f => new { f.ReceivedAt, f.Id });
        builder.HasIndex(f => new { f.ChannelId, f.ReceivedAt, f.Id });
        builder.HasIndex(f => new { f.Source, f.ReceivedAt, f.Id });
        builder.HasIndex(f => new { f.Sentiment, f.ReceivedAt, f.Id });
        builder.HasIndex(f => new { f.ScoreBand, f.ReceivedAt, f.Id });
        builder.HasIndex(f => new { f.Category, f.ReceivedAt, f.Id });
        builder.HasIndex(f => new { f.JourneyStageId, f.ReceivedAt, f.Id });
        builder.HasIndex(f => new { f.FrictionIssueId, f.ReceivedAt });
        builder.HasIndex(ScoreSortKey, nameof(FeedbackItem.ReceivedAt), nameof(FeedbackItem.Id));
        // Follow-ups whose SLA ran out in a quarter, and whether they were contacted in time, without reading the rows.
        builder.HasIndex(f => new { f.FollowUpStatus, f.FollowUpDueAt, f.ContactedAt });
        // Follow-ups by state in the inbox's order: the page walks this index newest first; the due time
        // rides along so that the overdue filter and its capped count never read the rows themselves.
        builder.HasIndex(f => new { f.FollowUpStatus, f.ReceivedAt, f.Id, f.FollowUpDueAt });
        builder.HasIndex(f => new { f.FollowUpOwnerPersonId, f.FollowUpStatus, f.FollowUpDueAt });
        builder.HasIndex(f => f.CustomerRef).HasFilter("CustomerRef IS NOT NULL");
        // An external id belongs to its source; the key is compared, not the id as sent, so a case variant is the same id.
        builder.HasIndex(f => new { f.ExternalSource, f.ExternalKey }).IsUnique().HasFilter("ExternalKey IS NOT NULL");

        builder.HasOne<Channel>().WithMany().HasForeignKey(f => f.ChannelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<JourneyStage>().WithMany().HasForeignKey(f => f.JourneyStageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(f => f.RecordedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(f => f.FollowUpOwnerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FrictionIssue>().WithMany().HasForeignKey(f => f.FrictionIssueId).OnDelete(DeleteBehavior.SetNull);
        builder.HasVersion();
    }
}

/// <summary>The feedback counted per day and sentiment: a table kept by triggers on SQLite, an indexed view on SQL Server (see <see cref="FeedbackDayCounts"/>).</summary>
public sealed class FeedbackDayVolumeConfiguration : IEntityTypeConfiguration<FeedbackDayVolume>
{
    public void Configure(EntityTypeBuilder<FeedbackDayVolume> builder)
    {
        builder.ToTable(FeedbackDayCounts.VolumeName);
        builder.HasKey(v => new { v.Day, v.ChannelId, v.Sentiment });
    }
}

/// <summary>The scores counted per day: a table kept by triggers on SQLite, an indexed view on SQL Server (see <see cref="FeedbackDayCounts"/>).</summary>
public sealed class FeedbackDayScoreConfiguration : IEntityTypeConfiguration<FeedbackDayScore>
{
    public void Configure(EntityTypeBuilder<FeedbackDayScore> builder)
    {
        builder.ToTable(FeedbackDayCounts.ScoresName);
        // Read by scale over a range of days.
        builder.HasKey(s => new { s.ScoreScale, s.Day, s.ChannelId, s.Score });
    }
}

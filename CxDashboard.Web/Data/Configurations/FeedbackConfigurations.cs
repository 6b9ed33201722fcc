using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public sealed class FeedbackItemConfiguration : IEntityTypeConfiguration<FeedbackItem>
{
    public void Configure(EntityTypeBuilder<FeedbackItem> builder)
    {
        builder.ToTable("Feedback");
        builder.Property(f => f.Verbatim).HasMaxLength(FeedbackItem.MaxVerbatimLength);
        builder.Property(f => f.CustomerRef).HasMaxLength(64);
        builder.Property(f => f.ExternalId).HasMaxLength(100);
        builder.Property(f => f.FollowUpNote).HasMaxLength(2000);
        builder.Ignore(f => f.NeedsFollowUp);

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
        // NPS, CSAT and CES are computed from scores by period and channel: this index answers that
        // aggregate on its own, without reading the rows.
        builder.HasIndex(f => new { f.ScoreScale, f.ReceivedAt, f.ChannelId, f.Score });
        builder.HasIndex(f => new { f.FollowUpStatus, f.FollowUpDueAt });
        builder.HasIndex(f => new { f.FollowUpOwnerPersonId, f.FollowUpStatus, f.FollowUpDueAt });
        builder.HasIndex(f => f.CustomerRef).HasFilter("CustomerRef IS NOT NULL");
        builder.HasIndex(f => f.ExternalId).IsUnique().HasFilter("ExternalId IS NOT NULL");

        builder.HasOne<Channel>().WithMany().HasForeignKey(f => f.ChannelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<JourneyStage>().WithMany().HasForeignKey(f => f.JourneyStageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(f => f.RecordedByPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(f => f.FollowUpOwnerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FrictionIssue>().WithMany().HasForeignKey(f => f.FrictionIssueId).OnDelete(DeleteBehavior.SetNull);
        builder.HasVersion();
    }
}

using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;
using CxDashboard.Domain.Organisation;
using CxDashboard.Domain.Themes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxDashboard.Web.Data.Configurations;

public sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Theme.MaxNameLength);
        builder.Property(t => t.Rule).HasMaxLength(ThemeRule.MaxLength);
        builder.Property(t => t.TaggedRule).HasMaxLength(ThemeRule.MaxLength);
        builder.Ignore(t => t.NeedsTagging);
        builder.Ignore(t => t.ParsedRule);
        builder.HasIndex(t => new { t.ParentThemeId, t.Name }).IsUnique();
        builder.HasOne<Theme>().WithMany().HasForeignKey(t => t.ParentThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(t => t.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasVersion();
    }
}

/// <summary>
/// Which items mention which theme. Keyed item first, for an item's themes and for joining a theme's
/// items to their feedback; indexed theme first, for a theme's items and for tagging a theme again.
/// </summary>
public sealed class FeedbackThemeConfiguration : IEntityTypeConfiguration<FeedbackTheme>
{
    public void Configure(EntityTypeBuilder<FeedbackTheme> builder)
    {
        builder.ToTable("FeedbackThemes");
        builder.HasKey(l => new { l.FeedbackItemId, l.ThemeId });
        builder.HasIndex(l => new { l.ThemeId, l.FeedbackItemId });
        builder.HasOne(l => l.Item).WithMany().HasForeignKey(l => l.FeedbackItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Theme>().WithMany().HasForeignKey(l => l.ThemeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class FrictionIssueThemeConfiguration : IEntityTypeConfiguration<FrictionIssueTheme>
{
    public void Configure(EntityTypeBuilder<FrictionIssueTheme> builder)
    {
        builder.ToTable("FrictionIssueThemes");
        builder.HasKey(l => new { l.FrictionIssueId, l.ThemeId });
        builder.HasIndex(l => l.ThemeId);
        builder.HasOne<FrictionIssue>().WithMany().HasForeignKey(l => l.FrictionIssueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Theme>().WithMany().HasForeignKey(l => l.ThemeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.LinkedByPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>All feedback counted per day for the themes page: a table kept by triggers on SQLite, an indexed view on SQL Server (see <see cref="ThemeDayCounts"/>).</summary>
public sealed class FeedbackDayFigureConfiguration : IEntityTypeConfiguration<FeedbackDayFigure>
{
    public void Configure(EntityTypeBuilder<FeedbackDayFigure> builder)
    {
        builder.ToTable(ThemeDayCounts.FeedbackName);
        builder.HasKey(c => new { c.Day, c.ChannelId, c.JourneyStageId, c.Sentiment, c.NpsBand });
        // Read by a range of days: with the count in the index, SQLite never visits the table.
        builder.HasIndex(c => new { c.Day, c.ChannelId, c.JourneyStageId, c.Sentiment, c.NpsBand, c.Count });
    }
}

/// <summary>Each theme's tagged feedback counted per day: a table kept by triggers on SQLite, an indexed view on SQL Server (see <see cref="ThemeDayCounts"/>).</summary>
public sealed class ThemeDayFigureConfiguration : IEntityTypeConfiguration<ThemeDayFigure>
{
    public void Configure(EntityTypeBuilder<ThemeDayFigure> builder)
    {
        builder.ToTable(ThemeDayCounts.ThemesName);
        builder.HasKey(c => new { c.Day, c.ThemeId, c.ChannelId, c.JourneyStageId, c.Sentiment, c.NpsBand });
        builder.HasIndex(c => new { c.Day, c.ThemeId, c.ChannelId, c.JourneyStageId, c.Sentiment, c.NpsBand, c.Count });
    }
}

using CxDashboard.Domain.Feedback;

namespace CxDashboard.Domain.Themes;

/// <summary>A feedback item mentions a theme: its verbatim matches the theme's rule.</summary>
public sealed class FeedbackTheme
{
    private FeedbackTheme() { }

    /// <summary>Tags an item not yet saved: its id is known once it is.</summary>
    public FeedbackTheme(FeedbackItem item, int themeId)
    {
        Item = item;
        ThemeId = themeId;
    }

    public FeedbackTheme(int feedbackItemId, int themeId)
    {
        FeedbackItemId = feedbackItemId;
        ThemeId = themeId;
    }

    public int FeedbackItemId { get; private set; }
    public int ThemeId { get; private set; }

    public FeedbackItem? Item { get; private set; }
}

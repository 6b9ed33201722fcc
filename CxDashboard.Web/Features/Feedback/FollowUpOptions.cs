using System.ComponentModel.DataAnnotations;
using CxDashboard.Domain.Feedback;

namespace CxDashboard.Web.Features.Feedback;

/// <summary>The <c>FollowUps</c> configuration section: how long the inner loop may take.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUps";

    /// <summary>Hours from receipt within which a detractor or complainant must be contacted.</summary>
    [Range(FeedbackItem.ShortestFollowUpSlaHours, 24 * 30, ErrorMessage = "FollowUps:SlaHours must be between 1 and 720 hours.")]
    public int SlaHours { get; set; } = 48;

    public TimeSpan Sla => TimeSpan.FromHours(SlaHours);
}

using CxDashboard.Domain.Feedback;
using CxDashboard.Domain.Friction;

namespace CxDashboard.Web.Features.Friction;

/// <summary>What the friction form edits; checked field by field so messages sit next to the fields.</summary>
public sealed class FrictionFormModel
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public int? JourneyStageId { get; set; }
    public IReadOnlyCollection<int> ChannelIds { get; set; } = [];
    public FeedbackCategory? Category { get; set; }
    public int Severity { get; set; } = 2;
    public int CustomersAffected { get; set; }
    public string? RootCause { get; set; }
    public int? OwningTeamId { get; set; }
    public int? OwnerPersonId { get; set; }
    public IReadOnlyCollection<int> ContributingTeamIds { get; set; } = [];
    public DateTime? DueDate { get; set; }

    public static FrictionFormModel From(FrictionDetails details) => new()
    {
        Title = details.Title,
        Description = details.Description,
        JourneyStageId = details.JourneyStageId,
        ChannelIds = details.ChannelIds.ToList(),
        Category = details.Category,
        Severity = details.Severity,
        CustomersAffected = details.CustomersAffected,
        RootCause = details.RootCause,
        OwningTeamId = details.OwningTeamId,
        OwnerPersonId = details.OwnerPersonId,
        ContributingTeamIds = details.ContributingTeamIds.ToList(),
        DueDate = details.DueDate?.ToDateTime(TimeOnly.MinValue),
    };

    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors[nameof(Title)] = "Give the issue a title.";
        }
        if (JourneyStageId is null)
        {
            errors[nameof(JourneyStageId)] = "Choose the journey stage.";
        }
        if (!ChannelIds.Any())
        {
            errors[nameof(ChannelIds)] = "Choose at least one channel.";
        }
        if (Category is null)
        {
            errors[nameof(Category)] = "Choose product, service or experience.";
        }
        if (CustomersAffected < 0)
        {
            errors[nameof(CustomersAffected)] = "Customers affected cannot be negative.";
        }
        if (OwningTeamId is null)
        {
            errors[nameof(OwningTeamId)] = "Choose the team that owns the issue.";
        }
        if (OwnerPersonId is null)
        {
            errors[nameof(OwnerPersonId)] = "Choose the owner.";
        }
        return errors;
    }

    /// <summary>The details for the Domain; call after <see cref="Validate"/> found nothing.</summary>
    public FrictionDetails ToDetails() => new(
        Title ?? string.Empty, Description, JourneyStageId ?? 0, ChannelIds.ToList(), Category ?? default, Severity,
        CustomersAffected, RootCause, OwningTeamId ?? 0, OwnerPersonId ?? 0, ContributingTeamIds.ToList(),
        DueDate is { } due ? DateOnly.FromDateTime(due) : null);
}

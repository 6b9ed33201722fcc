using CxDashboard.Domain.Feedback;

namespace CxDashboard.Domain.Friction;

/// <summary>What describes a friction issue and who answers for it.</summary>
public sealed record FrictionDetails(
    string Title,
    string? Description,
    int JourneyStageId,
    IReadOnlyList<int> ChannelIds,
    FeedbackCategory Category,
    int Severity,
    int CustomersAffected,
    string? RootCause,
    int OwningTeamId,
    int OwnerPersonId,
    IReadOnlyList<int> ContributingTeamIds,
    DateOnly? DueDate);

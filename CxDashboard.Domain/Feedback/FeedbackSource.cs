namespace CxDashboard.Domain.Feedback;

public enum FeedbackSource
{
    Survey = 1,
    Review = 2,
    Social = 3,
    ContactCentre = 4,
    Complaint = 5,
    /// <summary>What a member of staff saw or heard ("a day in the life").</summary>
    FrontLineObservation = 6,
}

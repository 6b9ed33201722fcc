namespace CxDashboard.Domain.Feedback;

public enum FeedbackCategory
{
    Product = 1,
    Service = 2,
    Experience = 3,
}

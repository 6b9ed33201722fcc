using CxDashboard.Domain.Audit;
using CxDashboard.Domain.Common;
using CxDashboard.Tests.Domain.Builders;

namespace CxDashboard.Tests.Domain.Audit;

public class AuditEntryTests
{
    [Fact]
    public void An_entry_keeps_who_changed_what_when_and_from_what_to_what()
    {
        var entry = new AuditEntry(Known.Now, Known.People.HeadOfCx, " Priya Shah ", "MetricDefinition", "7",
            AuditAction.Changed, "Renamed metric", """{"Name":"Conversion"}""", """{"Name":"Conversion rate"}""");

        Assert.Equal((Known.Now, (int?)Known.People.HeadOfCx, "Priya Shah", "MetricDefinition", "7", AuditAction.Changed, "Renamed metric"),
            (entry.At, entry.ActorPersonId, entry.ActorName, entry.EntityType, entry.EntityId, entry.Action, entry.Summary));
        Assert.Equal("""{"Name":"Conversion"}""", entry.Before);
        Assert.Equal("""{"Name":"Conversion rate"}""", entry.After);
    }

    [Fact]
    public void The_time_is_kept_in_utc()
    {
        var local = new DateTime(2026, 9, 14, 11, 0, 0, DateTimeKind.Local);

        var entry = new AuditEntry(local, null, "API key: survey tool", "FeedbackItem", "42", AuditAction.Created, "Imported", null, "{}");

        Assert.Equal(DateTimeKind.Utc, entry.At.Kind);
        Assert.Equal(local.ToUniversalTime(), entry.At);
    }

    [Theory]
    [InlineData("", "FeedbackItem", "42", "Erased", "Who made the change is required.")]
    [InlineData("Priya", " ", "42", "Erased", "What was changed is required.")]
    [InlineData("Priya", "FeedbackItem", "", "Erased", "Which record was changed is required.")]
    [InlineData("Priya", "FeedbackItem", "42", "", "The summary is required.")]
    public void An_entry_without_actor_subject_or_summary_is_refused(string actor, string type, string id, string summary, string message) =>
        Assert.Equal(message, Assert.Throws<DomainException>(
            () => new AuditEntry(Known.Now, null, actor, type, id, AuditAction.Deleted, summary, "{}", null)).Message);
}

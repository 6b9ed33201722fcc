using CxDashboard.Domain.Actions;

namespace CxDashboard.Tests.Domain.Builders;

/// <summary>An open action for the Stores lead, due at the end of October 2026, impact 2, effort 1.</summary>
public sealed class ActionBuilder
{
    private string _title = "Show click & collect orders on store tills";
    private DateOnly _due = new(2026, 10, 31);
    private int _impact = 2;
    private int _effort = 1;
    private bool _quickWin;
    private ActionStatus _status = ActionStatus.Open;

    public ActionBuilder Titled(string title) { _title = title; return this; }

    public ActionBuilder DueOn(DateOnly due) { _due = due; return this; }

    public ActionBuilder WithImpact(int impact) { _impact = impact; return this; }

    public ActionBuilder WithEffort(int effort) { _effort = effort; return this; }

    public ActionBuilder AsQuickWin() { _quickWin = true; return this; }

    /// <summary>Moves the new action to this status the usual way (blocked, done and cancelled with a reason).</summary>
    public ActionBuilder In(ActionStatus status) { _status = status; return this; }

    public ActionItem Build()
    {
        var at = Known.Now.AddDays(-7);
        var by = Known.People.StoresLead;
        var action = new ActionItem(_title, null, by, Known.Teams.Stores, _due, _impact, _effort, _quickWin,
            Known.People.HeadOfCx, at);
        switch (_status)
        {
            case ActionStatus.InProgress:
                action.Start(by, at.AddDays(1));
                break;
            case ActionStatus.Blocked:
                action.Block("Waiting for the till software release", by, at.AddDays(1));
                break;
            case ActionStatus.Done:
                action.Complete(by, at.AddDays(1));
                break;
            case ActionStatus.Cancelled:
                action.Cancel("Covered by the new order-visibility project", by, at.AddDays(1));
                break;
        }
        return action;
    }
}

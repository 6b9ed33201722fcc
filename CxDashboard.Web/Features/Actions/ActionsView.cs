using CxDashboard.Domain.Actions;
using CxDashboard.Web.Features.Common;

namespace CxDashboard.Web.Features.Actions;

/// <summary>
/// What the actions page shows, as its address and its export link hold it: the tab, its filters, and the
/// list's sort and page. "My actions" and "Team" show open actions only unless the address says open=false.
/// </summary>
public sealed record ActionsView(ActionFilter Filter, ListOrder<ActionSort> Order)
{
    /// <summary>Soonest due first, when no column is sorted.</summary>
    public static ListOrder<ActionSort> Unsorted { get; } = ListOrder<ActionSort>.Unsorted(ActionSort.DueDate, descending: false);

    public static ActionsView Tab(ActionScope scope) => new(
        scope == ActionScope.All ? new ActionFilter() : new ActionFilter { Scope = scope, OpenOnly = true }, Unsorted);

    /// <summary>
    /// Reads tab (mine, team, all); for mine and team, open (false shows every action); for all, status, team,
    /// owner and issue (ids), overdue and quickWins (true); and sort, order, page and rows. Values it cannot read
    /// are ignored. Without a tab, someone with actions of their own sees theirs, unless the address filters all.
    /// </summary>
    public static ActionsView FromQuery(ViewQuery query, bool hasOwnActions)
    {
        var all = new ActionFilter
        {
            Status = query.Choice<ActionStatus>("status"),
            TeamId = query.Id("team"),
            OwnerPersonId = query.Id("owner"),
            FrictionIssueId = query.Id("issue"),
            OverdueOnly = query.On("overdue"),
            QuickWinsOnly = query.On("quickWins"),
        };
        var scope = query.Choice<ActionScope>("tab") ?? (hasOwnActions && all == new ActionFilter() ? ActionScope.Mine : ActionScope.All);
        var filter = scope == ActionScope.All ? all : new ActionFilter { Scope = scope, OpenOnly = query.YesNo("open") ?? true };
        return new(filter, ListOrder<ActionSort>.FromQuery(query, Unsorted));
    }

    /// <summary>The view as <see cref="FromQuery"/> reads it back; what is left at its default is left out.</summary>
    public Dictionary<string, object?> ToQuery()
    {
        var all = Filter.Scope == ActionScope.All;
        var view = new Dictionary<string, object?>
        {
            ["tab"] = Filter.Scope.ToString().ToLowerInvariant(),
            ["open"] = all || Filter.OpenOnly ? null : "false",
            ["status"] = all ? Filter.Status?.ToString() : null,
            ["team"] = all ? Filter.TeamId : null,
            ["owner"] = all ? Filter.OwnerPersonId : null,
            ["issue"] = all ? Filter.FrictionIssueId : null,
            ["overdue"] = all && Filter.OverdueOnly ? "true" : null,
            ["quickWins"] = all && Filter.QuickWinsOnly ? "true" : null,
        };
        Order.AddTo(view, Unsorted);
        return view;
    }
}

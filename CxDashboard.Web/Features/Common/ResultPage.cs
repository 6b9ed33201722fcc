namespace CxDashboard.Web.Features.Common;

/// <summary>One page of a list the database filtered, sorted and paged, with the total it matched.</summary>
public sealed record ResultPage<T>(IReadOnlyList<T> Items, int Total)
{
    public static readonly ResultPage<T> Empty = new([], 0);
}

/// <summary>Page numbers from the grid (zero-based) turned into safe skip/take values.</summary>
public static class Paging
{
    public const int MaxPageSize = 200;

    public static (int Skip, int Take) Window(int page, int pageSize)
    {
        var take = Math.Clamp(pageSize, 1, MaxPageSize);
        return (Math.Max(page, 0) * take, take);
    }
}

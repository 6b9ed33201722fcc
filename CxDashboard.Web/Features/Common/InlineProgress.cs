namespace CxDashboard.Web.Features.Common;

/// <summary>
/// Reports progress on the reporting thread, before the work goes on. <see cref="Progress{T}"/> posts each report to
/// the thread pool instead, so its last one may arrive after the work has ended, and a page would show the work as
/// still under way.
/// </summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

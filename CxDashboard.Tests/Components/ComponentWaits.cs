using System.Runtime.CompilerServices;
using Bunit;

namespace CxDashboard.Tests.Components;

internal static class ComponentWaits
{
    /// <summary>
    /// Component tests wait for sections that load from a real database. bUnit's default of one second is
    /// shorter than a query takes on a machine busy with parallel test classes, which made waits fail that
    /// would have passed a moment later. A wait returns as soon as its condition holds, so the longer limit
    /// costs nothing when a test passes and only lengthens the report of one that fails.
    /// </summary>
    [ModuleInitializer]
    internal static void AllowForABusyMachine() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(15);
}

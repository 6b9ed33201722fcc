using Bunit;
using CxDashboard.Tests.Features.Friction;
using CxDashboard.Tests.Support;

namespace CxDashboard.Tests.Components.Friction;

/// <summary>
/// A bUnit test of the friction and action pages over a fresh database holding the friction test data,
/// signed in as the Stores channel lead (see <see cref="ComponentHost"/>).
/// </summary>
public abstract class FrictionComponentTest : BunitContext, IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;
    protected FrictionData Data { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Data = await FrictionData.CreateAsync(Database);
        ComponentHost.Prepare(this, Database, Data.StoresChannelLead);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}

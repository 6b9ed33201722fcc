namespace CxDashboard.Domain.Friction;

/// <summary>A channel a friction issue spans.</summary>
public sealed class FrictionChannel
{
    private FrictionChannel() { }

    internal FrictionChannel(int channelId) => ChannelId = channelId;

    public int FrictionIssueId { get; private set; }
    public int ChannelId { get; private set; }
}

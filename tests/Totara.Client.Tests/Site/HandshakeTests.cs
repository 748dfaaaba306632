using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Site;

public sealed class HandshakeTests
{
    [Fact]
    public async Task The_handshake_reads_the_status_and_every_offered_operation_without_introspection()
    {
        await using var site = await TestSite.StartAsync();

        var info = await site.Client.HandshakeAsync();

        Assert.Equal("ok", info.Status);
        Assert.False(string.IsNullOrEmpty(info.Timestamp));
        Assert.Equal(18, info.Queries.Count);
        Assert.Equal(17, info.Mutations.Count);
        Assert.True(info.Offers("core_user_users"));
        Assert.True(info.Offers("core_cohort_add_cohort_member"));
        Assert.False(info.Offers("core_user_does_not_exist"));
        // Only the status query ran: no probe executed. A second round is allowed for a probe
        // the site found fault with (an argument it does not know) without denying the field.
        Assert.Equal(0, site.Host.Counters.MutationsExecuted);
        Assert.InRange(site.Host.Counters.Requests, 1, 2);
        Assert.True(site.Host.Counters.PointsSpent <= 2 * 7, $"spent {site.Host.Counters.PointsSpent}");
    }
}

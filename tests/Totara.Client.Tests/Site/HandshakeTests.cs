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
        // Only the status query ran: nothing was created, the cost was the status query's.
        Assert.Equal(0, site.Host.Counters.MutationsExecuted);
        Assert.Equal(1, site.Host.Counters.Requests);
    }
}

using Totara.Client.Tests.Support;
using Totara.Client.Users;

namespace Totara.Client.Tests.Site;

/// <summary>The client's running count of requests and complexity points: what a sync's summary and Get-TotaraSession report.</summary>
public sealed class SpendingCountTests
{
    [Fact]
    public async Task The_client_counts_every_request_and_the_points_the_site_charged()
    {
        await using var site = await TestSite.StartAsync();
        var client = site.Client;
        await client.Users.CountAsync();
        var (requests, points) = (client.RequestsSent, client.ComplexityPointsSpent);
        var (siteRequests, sitePoints) = (site.Host.Counters.Requests, site.Host.Counters.PointsSpent);

        await client.Users.ListAsync(new UserListOptions { Status = UserStatusFilter.All, Fields = UserFieldSet.IdOnly, PageSize = 2 }).ToListAsync();
        await client.Users.CountAsync();

        Assert.Equal(site.Host.Counters.Requests - siteRequests, client.RequestsSent - requests);
        Assert.Equal(site.Host.Counters.PointsSpent - sitePoints, client.ComplexityPointsSpent - points);
        Assert.True(client.RequestsSent - requests >= 2);
    }
}

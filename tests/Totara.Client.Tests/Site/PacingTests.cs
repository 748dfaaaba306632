using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Site;

public sealed class PacingTests
{
    [Fact]
    public async Task A_long_bulk_run_stays_under_the_budget_and_never_meets_a_429()
    {
        // Client and site share a virtual clock: the paced minutes pass without real waiting.
        await using var site = await TestSite.StartAsync(
            o => o.RateLimitPerMinute = 3_000,
            c => c.ComplexityBudgetPerMinute = 3_000,
            virtualClock: true);

        // 60 creates of ~13 points each per batch request, 600 creates in all: ~7,800 points, over two budgets.
        var results = await site.Client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "paced", 600, recoverable: false)).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(0, site.Host.Counters.TooManyRequestsSent);
        Assert.Empty(site.Retries);
        Assert.True(site.Host.Counters.PointsSpent > 6_000, $"spent {site.Host.Counters.PointsSpent}");
        // It had to wait for the window to slide at least twice.
        Assert.True(site.Clock!.Waited >= TimeSpan.FromMinutes(1), $"waited {site.Clock.Waited}");
    }

    [Fact]
    public async Task Many_parallel_queries_stay_under_the_budget()
    {
        await using var site = await TestSite.StartAsync(
            o => o.RateLimitPerMinute = 3_000,
            c => c.ComplexityBudgetPerMinute = 3_000,
            virtualClock: true);

        // 600 status queries of 7 points: 4,200 points.
        for (var round = 0; round < 30; round++)
            await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => site.Client.ExecuteAsync(Documents.StatusRequest())));

        Assert.Equal(0, site.Host.Counters.TooManyRequestsSent);
        Assert.Equal(600, site.Host.Counters.Requests);
    }
}

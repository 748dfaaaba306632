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
        // Plus the one-field request that starts the second window (the first is full until one arrives).
        Assert.Equal(601, site.Host.Counters.Requests);
    }

    [Fact]
    public async Task With_server_time_per_root_field_a_long_bulk_run_is_never_cut_off_by_a_429()
    {
        // 20 ms a root field: a 60-alias batch runs 1.2 s, so the site flushes points and checks
        // them while it runs, as a real site does; pipelined batches overlap.
        await using var site = await TestSite.StartAsync(
            o => { o.RateLimitPerMinute = 3_000; o.ResolverLatencyMs = 20; },
            c => c.ComplexityBudgetPerMinute = 3_000,
            virtualClock: true);

        var results = await site.Client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "timed", 600, recoverable: false)).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(600, site.Host.Counters.MutationsExecuted);
        Assert.Equal(0, site.Host.Counters.TooManyRequestsSent);
        Assert.Empty(site.Retries);
    }

    [Fact]
    public async Task The_first_request_after_an_idle_hour_draws_no_429()
    {
        await using var site = await TestSite.StartAsync(
            o => { o.RateLimitPerMinute = 3_000; o.ResolverLatencyMs = 20; o.TokenLifetime = TimeSpan.FromHours(3); },
            c => c.ComplexityBudgetPerMinute = 3_000,
            virtualClock: true);
        // Fill a window up to the budget, then go idle: Totara keeps that total as the current
        // counter, and the first request an hour later finds it in full as prev.
        await site.Client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "before", 225, recoverable: false)).ToListAsync();
        var spentBefore = site.Host.Counters.PointsSpent;
        site.Clock!.Advance(TimeSpan.FromHours(1));

        var results = await site.Client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "after", 225, recoverable: false)).ToListAsync();

        Assert.True(spentBefore > 2_900, $"spent {spentBefore}");
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(0, site.Host.Counters.TooManyRequestsSent);
        Assert.Empty(site.Retries);
    }
}

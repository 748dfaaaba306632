using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Site;

public sealed class CancellationTests
{
    [Fact]
    public async Task A_paced_wait_is_cancellable()
    {
        // 20 points a minute: the third 7-point query must wait about a minute.
        await using var site = await TestSite.StartAsync(client: c => c.ComplexityBudgetPerMinute = 20);
        await site.Client.ExecuteAsync(Documents.StatusRequest());
        await site.Client.ExecuteAsync(Documents.StatusRequest());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => site.Client.ExecuteAsync(Documents.StatusRequest(), cancel.Token));

        Assert.Equal(2, site.Host.Counters.Requests);
    }

    [Fact]
    public async Task A_slow_answer_is_cancellable_and_is_not_reported_as_a_connection_failure()
    {
        await using var site = await TestSite.StartAsync(o => o.LatencyMs = 10_000);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => site.Client.ExecuteAsync(Documents.StatusRequest(), cancel.Token));

        Assert.True(cancel.IsCancellationRequested);
        Assert.Empty(site.Retries);
    }

    [Fact]
    public async Task A_request_timeout_is_a_connection_failure_and_a_query_is_retried()
    {
        await using var site = await TestSite.StartAsync(o => o.LatencyMs = 2_000, c =>
        {
            c.RequestTimeout = TimeSpan.FromMilliseconds(200);
            c.MaxRetryAttempts = 1;
        });

        var ex = await Assert.ThrowsAsync<TotaraConnectionException>(() => site.Client.ExecuteAsync(Documents.StatusRequest()));

        Assert.Contains("No answer", ex.Message);
        Assert.Single(site.Retries);
    }

    [Fact]
    public async Task A_batch_is_cancellable_between_requests()
    {
        await using var site = await TestSite.StartAsync(o => o.LatencyMs = 300, c => c.MaxComplexity = 60);
        using var cancel = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in site.Client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "cancelled", 30), cancel.Token))
            {
                if (++seen == 1) cancel.Cancel();
            }
        });

        Assert.True(Documents.CountUsers(site.Host, "cancelled") < 30);
    }
}

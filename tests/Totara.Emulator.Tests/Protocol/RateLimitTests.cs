using System.Net;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Protocol;

public sealed class RateLimitTests
{
    private const string TooManyRequestsBody = """{"errors":[{"message":"Too many requests"}],"error":"Too many requests"}""";

    // Costs 6 points: 5 for the root query field and 1 for status.
    private const string StatusQuery = "{ totara_webapi_status { status } }";

    [Fact]
    public async Task Over_the_client_limit_the_answer_is_429_with_Totaras_body_and_no_Retry_After()
    {
        var clock = new ManualClock();
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { Clock = clock, RateLimitPerMinute = 20 });
        using var client = new ApiTestClient(host.Url, "c", "s");

        // 0, 6, 12 and 18 points already spent are under 20; at 24 the client is refused.
        for (var i = 0; i < 4; i++)
        {
            using var allowed = await client.PostAsync(StatusQuery);
            Assert.Equal(HttpStatusCode.OK, allowed.Status);
        }

        using var refused = await client.PostAsync(StatusQuery);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(TooManyRequestsBody, refused.Text);
        Assert.Null(refused.Headers.RetryAfter);
        Assert.False(refused.Headers.Contains("Retry-After"));
        Assert.Equal(1, host.Counters.TooManyRequestsSent);
        Assert.Equal(24, host.Counters.PointsSpent);
    }

    // Rule: totara_api\traits\rate_limit_trait::has_capacity, rate = round(prev × (60 − elapsed) / 60) + current.
    [Fact]
    public async Task The_rate_is_the_previous_windows_points_faded_by_the_time_left_plus_the_current_ones()
    {
        var clock = new ManualClock();
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { Clock = clock, RateLimitPerMinute = 13 });
        using var client = new ApiTestClient(host.Url, "c", "s");

        using (await client.PostAsync(StatusQuery)) { }      // t=0: the window starts; 6
        using (await client.PostAsync(StatusQuery)) { }      // 12
        clock.Advance(TimeSpan.FromSeconds(61));
        using var rotating = await client.PostAsync(StatusQuery);   // t=61: prev 12, current 0: rate 12, one point fits
        clock.Advance(TimeSpan.FromSeconds(27));
        using var refused = await client.PostAsync(StatusQuery);    // 27 s in: round(12 × 33/60) = 7, + 6 = 13
        clock.Advance(TimeSpan.FromSeconds(1));
        using var allowed = await client.PostAsync(StatusQuery);    // 28 s in: round(12 × 32/60) = 6, + 6 = 12

        Assert.Equal(HttpStatusCode.OK, rotating.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
    }

    // Rule: rate_limit_trait::rotate_values sets current_window_reset_time to the time of the request that rotates.
    [Fact]
    public async Task A_window_starts_at_the_first_request_after_the_previous_one_expired()
    {
        var clock = new ManualClock();
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { Clock = clock, RateLimitPerMinute = 13 });
        using var client = new ApiTestClient(host.Url, "c", "s");

        using (await client.PostAsync(StatusQuery)) { }      // t=0
        using (await client.PostAsync(StatusQuery)) { }      // 12 points
        clock.Advance(TimeSpan.FromSeconds(100));
        using (await client.PostAsync(StatusQuery)) { }      // t=100 starts the window (not t=60 or t=120): prev 12, current 6
        clock.Advance(TimeSpan.FromSeconds(27));
        using var refused = await client.PostAsync(StatusQuery);    // t=127 is 27 s into it: 7 + 6 = 13
        clock.Advance(TimeSpan.FromSeconds(1));
        using var allowed = await client.PostAsync(StatusQuery);    // t=128, 28 s: 6 + 6 = 12

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
    }

    // Rule: rate_limit_trait::rotate_values copies current_window_value into prev_window_value however old it is.
    [Fact]
    public async Task An_idle_clients_stale_total_counts_in_full_on_its_first_request()
    {
        var clock = new ManualClock();
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { Clock = clock, RateLimitPerMinute = 12, TokenLifetime = TimeSpan.FromHours(2) });
        using var client = new ApiTestClient(host.Url, "c", "s");

        using (await client.PostAsync(StatusQuery)) { }
        using (await client.PostAsync(StatusQuery)) { }      // 12 points: the limit
        clock.Advance(TimeSpan.FromHours(1));
        using var afterAnHour = await client.PostAsync(StatusQuery);   // rotates: prev 12, elapsed 0: rate 12
        clock.Advance(TimeSpan.FromSeconds(2));
        using var stillRefused = await client.PostAsync(StatusQuery);  // round(12 × 58/60) = 12
        clock.Advance(TimeSpan.FromSeconds(1));
        using var allowed = await client.PostAsync(StatusQuery);       // round(12 × 57/60) = 11

        Assert.Equal(HttpStatusCode.TooManyRequests, afterAnHour.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillRefused.Status);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
    }

    // Rule: client_rate_limit middleware, has_capacity(1) before every root field, points flushed at most once a second.
    [Fact]
    public async Task Every_root_field_checks_capacity_so_a_long_batch_is_cut_off_with_429_after_some_mutations_ran()
    {
        var clock = new VirtualClock();
        var schema = new ProtocolSchema();
        await using var host = await schema.StartAsync(new EmulatorOptions { Clock = clock, RateLimitPerMinute = 50, ResolverLatencyMs = 400 });
        using var client = new ApiTestClient(host.Url, "c", "s");

        // Each alias costs 11 and takes 0.4 s. The 4th (t=1.2) and 6th (t=2.0) start a second after
        // the last flush, so 43 and then 65 points are flushed after them; the 7th finds 65 + 1 > 50.
        using var response = await client.PostAsync(TenAddItems);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.Status);
        Assert.Equal(TooManyRequestsBody, response.Text);
        Assert.Equal(new[] { "i1", "i2", "i3", "i4", "i5", "i6" }, schema.Added.ToArray());
        Assert.Equal(6, host.Counters.MutationsExecuted);
        Assert.Equal(66, host.Counters.PointsSpent);
    }

    // Rule: COMPLEXITY_COST_FLUSH_TIME = 1 (client_rate_limit, global_rate_limit): within a second nothing is flushed.
    [Fact]
    public async Task Points_are_flushed_about_once_a_second_so_a_batch_within_one_second_runs_whole()
    {
        var clock = new ManualClock();
        var schema = new ProtocolSchema();
        await using var host = await schema.StartAsync(new EmulatorOptions { Clock = clock, RateLimitPerMinute = 50 });
        using var client = new ApiTestClient(host.Url, "c", "s");

        // 110 points, more than twice the limit, but every check sees the 0 stored when the request began.
        using var whole = await client.PostAsync(TenAddItems);
        using var next = await client.PostAsync(StatusQuery);

        Assert.Equal(HttpStatusCode.OK, whole.Status);
        Assert.Equal(10, schema.Added.Count);
        Assert.Equal(HttpStatusCode.TooManyRequests, next.Status);
    }

    // Rule: --resolver-latency-ms, the time PHP and the database spend on each resolver of a real site.
    [Fact]
    public async Task Each_root_field_waits_the_resolver_latency_on_the_emulators_clock()
    {
        var clock = new VirtualClock();
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { Clock = clock, ResolverLatencyMs = 20 });
        using var client = new ApiTestClient(host.Url, "c", "s");
        await client.GetTokenAsync();
        var before = clock.GetUtcNow();

        using var response = await client.PostAsync("{ a: totara_webapi_status { status } b: totara_webapi_status { status } c: totara_webapi_status { status } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(TimeSpan.FromMilliseconds(60), clock.GetUtcNow() - before);
    }

    [Fact]
    public void The_resolver_latency_is_read_from_the_command_line()
    {
        var line = Totara.Emulator.Hosting.CommandLine.Parse(new[] { "--resolver-latency-ms", "20" });

        Assert.Equal(20, line.Options.ResolverLatencyMs);
        Assert.Equal(0, Totara.Emulator.Hosting.CommandLine.Parse(Array.Empty<string>()).Options.ResolverLatencyMs);
    }

    private static string TenAddItems =>
        "mutation { " + string.Join(" ", Enumerable.Range(1, 10).Select(i => $"a{i}: add_item(name: \"i{i}\") {{ name }}")) + " }";

    [Fact]
    public async Task Each_client_has_its_own_budget()
    {
        var clock = new ManualClock();
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { Clock = clock, RateLimitPerMinute = 6, SiteRateLimitPerMinute = null });
        host.AddClient("other", "s");
        using var first = new ApiTestClient(host.Url, "c", "s");
        using var second = new ApiTestClient(host.Url, "other", "s");

        using (await first.PostAsync(StatusQuery)) { }
        using var firstAgain = await first.PostAsync(StatusQuery);
        using var secondFirst = await second.PostAsync(StatusQuery);

        Assert.Equal(HttpStatusCode.TooManyRequests, firstAgain.Status);
        Assert.Equal(HttpStatusCode.OK, secondFirst.Status);
    }

    [Fact]
    public async Task The_site_limit_covers_all_clients_together()
    {
        var clock = new ManualClock();
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { Clock = clock, RateLimitPerMinute = null, SiteRateLimitPerMinute = 12 });
        host.AddClient("other", "s");
        using var first = new ApiTestClient(host.Url, "c", "s");
        using var second = new ApiTestClient(host.Url, "other", "s");

        using (await first.PostAsync(StatusQuery)) { }
        using (await first.PostAsync(StatusQuery)) { }
        using var refused = await second.PostAsync(StatusQuery);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(TooManyRequestsBody, refused.Text);
    }

    [Fact]
    public async Task Limits_can_be_switched_off_while_running()
    {
        var clock = new ManualClock();
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { Clock = clock, RateLimitPerMinute = 6 });
        using var client = new ApiTestClient(host.Url, "c", "s");

        using (await client.PostAsync(StatusQuery)) { }
        using var refused = await client.PostAsync(StatusQuery);
        host.Switches.RateLimitPerMinute = null;
        using var allowed = await client.PostAsync(StatusQuery);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
    }

    [Fact]
    public async Task Points_spent_by_a_request_that_failed_on_complexity_still_count()
    {
        var clock = new ManualClock();
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { Clock = clock, RateLimitPerMinute = 12, MaxComplexity = 5 });
        using var client = new ApiTestClient(host.Url, "c", "s");

        // a: 5 (allowed), a.status 1 (over), b: 5 (over): 11 points spent though both failed.
        using var failed = await client.PostAsync("{ a: totara_webapi_status { status } b: totara_webapi_status { status } }");
        using var allowed = await client.PostAsync(StatusQuery);
        using var refused = await client.PostAsync(StatusQuery);

        Assert.Equal(2, failed.Errors.Count);
        Assert.Equal(11 + 6, host.Counters.PointsSpent);
        Assert.Equal(HttpStatusCode.OK, allowed.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
    }
}

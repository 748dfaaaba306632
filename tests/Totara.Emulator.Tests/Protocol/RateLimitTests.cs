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

    [Fact]
    public async Task The_window_slides_points_older_than_60_seconds_stop_counting()
    {
        var clock = new ManualClock();
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { Clock = clock, RateLimitPerMinute = 12 });
        using var client = new ApiTestClient(host.Url, "c", "s");

        using (await client.PostAsync(StatusQuery)) { }      // t=0: 6 spent
        clock.Advance(TimeSpan.FromSeconds(30));
        using (await client.PostAsync(StatusQuery)) { }      // t=30: 12 spent
        using var refused = await client.PostAsync(StatusQuery);
        clock.Advance(TimeSpan.FromSeconds(31));                    // t=61: only the t=30 points remain
        using var recovered = await client.PostAsync(StatusQuery);
        using var refusedAgain = await client.PostAsync(StatusQuery);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal(HttpStatusCode.OK, recovered.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedAgain.Status);
    }

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

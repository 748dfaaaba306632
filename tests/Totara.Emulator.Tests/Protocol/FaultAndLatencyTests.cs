using System.Net;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Protocol;

public sealed class FaultAndLatencyTests
{
    private const string StatusQuery = "{ totara_webapi_status { status } }";
    private const string AddItem = "mutation { add_item(name: \"kept\") { name } }";

    [Fact]
    public async Task Fault_rate_1_answers_every_request_with_a_5xx()
    {
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { FaultRate = 1.0 });
        using var client = new ApiTestClient(host.Url, "c", "s");

        for (var i = 0; i < 6; i++)
        {
            using var response = await client.PostAsync(StatusQuery);
            Assert.True(response.Status is HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable, $"got {(int)response.Status}");
            Assert.Equal("Internal server error", response.Body.RootElement.GetProperty("error").GetString());
        }

        Assert.Equal(6, host.Counters.ServerErrorsSent);
        Assert.Equal(0, host.Counters.PointsSpent);
    }

    [Fact]
    public async Task Random_faults_follow_the_seed()
    {
        async Task<string> PatternAsync()
        {
            await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { FaultRate = 0.5, Seed = 7 });
            using var client = new ApiTestClient(host.Url, "c", "s");
            var statuses = new List<int>();
            for (var i = 0; i < 12; i++)
            {
                using var response = await client.PostAsync(StatusQuery);
                statuses.Add((int)response.Status);
            }

            return string.Join(",", statuses);
        }

        var first = await PatternAsync();
        var second = await PatternAsync();

        Assert.Equal(first, second);
        Assert.Contains("200", first);
        Assert.Matches("50[03]", first);
    }

    [Fact]
    public async Task Drop_rate_1_drops_every_connection()
    {
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { DropRate = 1.0 });
        using var client = new ApiTestClient(host.Url, "c", "s");
        await client.GetTokenAsync();

        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(StatusQuery));
        }

        Assert.Equal(4, host.Counters.ConnectionsDropped);
    }

    [Fact]
    public async Task A_drop_after_execution_applies_the_mutation_and_loses_the_answer()
    {
        var schema = new ProtocolSchema();
        await using var host = await schema.StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");
        await client.GetTokenAsync();

        host.Switches.EnqueueFaults(FaultKind.DropAfterExecute);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(AddItem));

        Assert.Equal(new[] { "kept" }, schema.Added.ToArray());
        Assert.Equal(1, host.Counters.MutationsExecuted);
        Assert.Equal(11, host.Counters.PointsSpent);
    }

    [Fact]
    public async Task A_drop_before_execution_applies_nothing()
    {
        var schema = new ProtocolSchema();
        await using var host = await schema.StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");
        await client.GetTokenAsync();

        host.Switches.EnqueueFaults(FaultKind.DropBeforeExecute);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(AddItem));

        Assert.Empty(schema.Added);
        Assert.Equal(0, host.Counters.MutationsExecuted);
    }

    [Fact]
    public async Task Queued_faults_are_used_in_order_then_requests_succeed()
    {
        await using var host = await new ProtocolSchema().StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");
        await client.GetTokenAsync();

        host.Switches.EnqueueFaults(FaultKind.ServerError, FaultKind.TooManyRequests, FaultKind.DropBeforeExecute);
        using var first = await client.PostAsync(StatusQuery);
        using var second = await client.PostAsync(StatusQuery);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(StatusQuery));
        using var fourth = await client.PostAsync(StatusQuery);

        Assert.Equal(HttpStatusCode.InternalServerError, first.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
        Assert.Equal("""{"errors":[{"message":"Too many requests"}],"error":"Too many requests"}""", second.Text);
        Assert.Equal(HttpStatusCode.OK, fourth.Status);
        Assert.Equal(0, host.Switches.PendingFaults);
        Assert.Equal(4, host.Counters.Requests);
        Assert.Equal(1, host.Counters.ServerErrorsSent);
        Assert.Equal(1, host.Counters.TooManyRequestsSent);
        Assert.Equal(1, host.Counters.ConnectionsDropped);
    }

    [Fact]
    public async Task Queued_faults_come_before_random_ones()
    {
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { FaultRate = 1.0 });
        using var client = new ApiTestClient(host.Url, "c", "s");
        await client.GetTokenAsync();

        host.Switches.EnqueueFaults(FaultKind.TooManyRequests);
        using var queued = await client.PostAsync(StatusQuery);
        using var random = await client.PostAsync(StatusQuery);

        Assert.Equal(HttpStatusCode.TooManyRequests, queued.Status);
        Assert.True(random.Status is HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task Latency_holds_a_request_back_and_can_be_switched_off_while_it_waits()
    {
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { LatencyMs = 20_000 });
        using var slowClient = new ApiTestClient(host.Url, "c", "s");
        using var fastClient = new ApiTestClient(host.Url, "c", "s");
        await slowClient.GetTokenAsync();
        await fastClient.GetTokenAsync();

        var slow = slowClient.PostAsync(StatusQuery);
        await WaitUntilAsync(() => host.Counters.Requests == 1);
        host.Switches.LatencyMs = 0;
        using var fast = await fastClient.PostAsync(StatusQuery);

        Assert.Equal(HttpStatusCode.OK, fast.Status);
        Assert.False(slow.IsCompleted, "the delayed request must still be waiting");
        Assert.Equal(6, host.Counters.PointsSpent);
    }

    [Fact]
    public async Task Counters_reset_to_zero()
    {
        await using var host = await new ProtocolSchema().StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");
        using (await client.PostAsync(StatusQuery)) { }

        host.Counters.Reset();

        Assert.Equal(0, host.Counters.Requests);
        Assert.Equal(0, host.Counters.TokenRequests);
        Assert.Equal(0, host.Counters.TokensIssued);
        Assert.Equal(0, host.Counters.PointsSpent);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "condition not reached");
    }

    [Fact]
    public async Task A_queued_mid_request_429_lets_the_first_half_of_the_root_fields_run_then_refuses()
    {
        var schema = new ProtocolSchema();
        await using var host = await schema.StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");
        host.Switches.EnqueueFaults(FaultKind.TooManyRequestsMidRequest, FaultKind.TooManyRequestsMidRequest);

        using var five = await client.PostAsync("mutation { a: add_item(name: \"a\") { name } b: add_item(name: \"b\") { name } c: add_item(name: \"c\") { name } d: add_item(name: \"d\") { name } e: add_item(name: \"e\") { name } }");
        using var one = await client.PostAsync("mutation { f: add_item(name: \"f\") { name } }");

        Assert.Equal(HttpStatusCode.TooManyRequests, five.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, one.Status);
        // Refused at the check before root field 3 of 5, and before the only one of 1.
        Assert.Equal(new[] { "a", "b" }, schema.Added.ToArray());
        Assert.Equal(2, host.Counters.TooManyRequestsSent);
    }
}

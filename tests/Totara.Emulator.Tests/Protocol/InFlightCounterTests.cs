using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Protocol;

/// <summary>The emulator counts how many GraphQL requests it handles at once, so tests can see overlap without timing.</summary>
public sealed class InFlightCounterTests
{
    [Fact]
    public async Task Requests_handled_together_raise_the_peak_and_reset_starts_again_from_those_still_running()
    {
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { LatencyMs = 300 });
        using var first = new ApiTestClient(host.Url, "c", "s");
        using var second = new ApiTestClient(host.Url, "c", "s");
        await first.GetTokenAsync();
        await second.GetTokenAsync();

        await Task.WhenAll(first.PostAsync("{ totara_webapi_status { status } }"), second.PostAsync("{ totara_webapi_status { status } }"));
        Assert.Equal(2, host.Counters.PeakRequestsInFlight);

        host.Counters.Reset();
        Assert.Equal(0, host.Counters.PeakRequestsInFlight);
        using var alone = await first.PostAsync("{ totara_webapi_status { status } }");
        Assert.Equal(1, host.Counters.PeakRequestsInFlight);
    }
}

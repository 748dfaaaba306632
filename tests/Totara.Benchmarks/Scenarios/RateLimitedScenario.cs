using System.Diagnostics;
using Totara.Benchmarks.Hosting;
using Totara.Benchmarks.Reporting;
using Totara.Emulator;

namespace Totara.Benchmarks.Scenarios;

/// <summary>Scenario 2: the pipeline under a low rate limit: wall time against the floor the budget allows.</summary>
internal static class RateLimitedScenario
{
    public static async Task<ScenarioReport> RunAsync(BenchSettings settings)
    {
        int budget = settings.RateBudget;
        var report = new ScenarioReport(2, $"Create {Format.Count(settings.RateLimitedCount)} users under a {Format.Count(budget)} points/min rate limit");
        var options = new EmulatorOptions { LatencyMs = settings.LatencyMs, ResolverLatencyMs = settings.ResolverLatencyMs, RateLimitPerMinute = budget };

        await using var site = await BenchSite.StartAsync(options, complexityBudget: budget);
        var watch = Stopwatch.StartNew();
        var result = site.Shell.Run(Scripts.PipelineCreate, settings.RateLimitedCount, "paced");
        double seconds = watch.Elapsed.TotalSeconds;
        result.ThrowOnErrors("New-TotaraUser pipeline under the rate limit");

        long points = site.Counters.PointsSpent;
        long tooMany = site.Counters.TooManyRequestsSent;
        // Totara's two-counter window (rate_limit_trait): the window the handshake started holds
        // about B; the next starts with a request 61 whole seconds later, with those B as prev,
        // and room comes back only as prev fades, B × elapsed ÷ 60. So past the first B, each
        // further B takes a window of 61 s, and the last part r of it r ÷ B × 60 s: the least time
        // any client that is never refused can take.
        long handshake = site.HandshakePoints;
        double floor = TwoCounterFloor(points + handshake, budget);
        // The floor a one-second-bucket sliding window would allow (the emulator's rule until
        // 2026-12): the whole budget again 60 s after the first burst.
        int windows = (int)Math.Ceiling((points + handshake) / (double)budget);
        double slidingFloor = (windows - 1) * 60.0;
        // Two looser figures, for comparison: the steady rate (every point at B per minute, no
        // burst) and the fluid bound (a first burst of B, then B per minute; not reachable).
        double rateFloor = points / (double)budget * 60;
        double fluidFloor = Math.Max(0, points + handshake - budget) / (double)budget * 60;
        double ratio = floor > 0 ? seconds / floor : double.NaN;

        report.Add("users created (objects out)", Format.Count(result.Value<int>("Created")))
            .Add("wall time", Format.Seconds(seconds))
            .Add("GraphQL requests", Format.Count(site.Counters.Requests))
            .Add("complexity points spent (emulator)", Format.Count(points))
            .Add("points per user", $"{points / (double)settings.RateLimitedCount:0.0}")
            .Add("handshake points already in the window at the start", Format.Count(handshake))
            .Add("server time per root field", $"{settings.ResolverLatencyMs} ms")
            .Add("floor (Totara's two-counter window): 61 s per budget beyond the first, the last part faded in at budget ÷ 60 s", Format.Seconds(floor))
            .Add("for comparison: floor under a sliding 60 s window, (⌈(points + handshake) ÷ budget⌉ − 1) × 60 s", Format.Seconds(slidingFloor))
            .Add("wall time ÷ floor", Format.Ratio(ratio))
            .Add("for comparison: points ÷ budget × 60 s (steady rate, no first burst)", Format.Seconds(rateFloor))
            .Add("for comparison: (points + handshake − budget) ÷ budget × 60 s (fluid, not reachable)", Format.Seconds(fluidFloor))
            .Add("429s sent by the emulator", Format.Count(tooMany))
            .Goal("wall time ≤ 1.25× floor", ratio <= 1.25, Format.Ratio(ratio))
            .Goal("zero 429s received", tooMany == 0, Format.Count(tooMany))
            .Note($"Emulator: RateLimitPerMinute = {Format.Count(budget)} (Totara's two-counter window, checked before every root field), {settings.LatencyMs} ms latency per request, {settings.ResolverLatencyMs} ms per root field; session: Connect-Totara -ComplexityBudget {Format.Count(budget)}. Points are the emulator's own count (PointsSpent), not the client's estimate.")
            .Note("Floor: the first budget goes at once; Totara starts the next window only with a request more than 60 whole seconds after the first, and then counts the old budget as prev, fading over 60 s, so the rest comes back at B ÷ 60 per second. That is the least wall time any client that never receives a 429 can take. The fluid figure assumes points could be spread so that the first burst and the rest share windows: a lower bound no client reaches.")
            .Note("Points per user: a create asks back only the new id and the username (13 points a user; the default view's other fields are what was sent), so more users fit in each minute's budget.");
        return report;
    }

    /// <summary>The least time to spend <paramref name="points"/> under Totara's two-counter window of <paramref name="budget"/> a minute.</summary>
    private static double TwoCounterFloor(long points, long budget)
    {
        if (points <= budget) return 0;
        long rest = points - budget;
        long fullWindows = (rest - 1) / budget;
        long last = rest - fullWindows * budget;
        return 61.0 * (fullWindows + 1) + 60.0 * last / budget;
    }
}

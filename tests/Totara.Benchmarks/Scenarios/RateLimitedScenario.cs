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
        var options = new EmulatorOptions { LatencyMs = settings.LatencyMs, RateLimitPerMinute = budget };

        await using var site = await BenchSite.StartAsync(options, complexityBudget: budget);
        var watch = Stopwatch.StartNew();
        var result = site.Shell.Run(Scripts.PipelineCreate, settings.RateLimitedCount, "paced");
        double seconds = watch.Elapsed.TotalSeconds;
        result.ThrowOnErrors("New-TotaraUser pipeline under the rate limit");

        long points = site.Counters.PointsSpent;
        long tooMany = site.Counters.TooManyRequestsSent;
        // No 60 s window may hold more than the budget. The window already holds the handshake's
        // points (spent at Connect-Totara, just before the clock starts), so P + h points need
        // n = ⌈(P + h) ÷ B⌉ windows' worth, and the last of them cannot be spent before n − 1 full
        // windows have passed since the first: the least time any client that is never refused can take.
        long handshake = site.HandshakePoints;
        int windows = (int)Math.Ceiling((points + handshake) / (double)budget);
        double floor = (windows - 1) * 60.0;
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
            .Add("floor = (⌈(points + handshake) ÷ budget⌉ − 1) × 60 s", Format.Seconds(floor))
            .Add("wall time ÷ floor", Format.Ratio(ratio))
            .Add("for comparison: points ÷ budget × 60 s (steady rate, no first burst)", Format.Seconds(rateFloor))
            .Add("for comparison: (points + handshake − budget) ÷ budget × 60 s (fluid, not reachable)", Format.Seconds(fluidFloor))
            .Add("429s sent by the emulator", Format.Count(tooMany))
            .Goal("wall time ≤ 1.25× floor", ratio <= 1.25, Format.Ratio(ratio))
            .Goal("zero 429s received", tooMany == 0, Format.Count(tooMany))
            .Note($"Emulator: RateLimitPerMinute = {Format.Count(budget)} (sliding 60 s window), {settings.LatencyMs} ms latency; session: Connect-Totara -ComplexityBudget {Format.Count(budget)}. Points are the emulator's own count (PointsSpent), not the client's estimate.")
            .Note("Floor: no sliding 60 s window may hold more than the budget, so P points (plus the handshake's, already in the window) need ⌈(P + h) ÷ B⌉ windows' worth, and the last cannot be spent before all but one of those windows have passed. That is the least wall time any client that never receives a 429 can take; the pacer reaches it by spending each window's budget at once and the next the moment the window has slid. The fluid figure assumes points could be spread so that the first burst and the rest share windows, which the sliding window forbids: it is a lower bound no client reaches.")
            .Note("Points per user: a create asks back only the new id and the username (13 points a user; the default view's other fields are what was sent), so more users fit in each minute's budget.");
        return report;
    }
}

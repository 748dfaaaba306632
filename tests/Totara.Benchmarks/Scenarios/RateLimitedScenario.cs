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
        // The window is a sliding 60 s: a fresh window lets `budget` points go at once (the burst);
        // everything beyond it can go no faster than `budget` per minute.
        double floor = Math.Max(0, points - budget) / (double)budget * 60;
        // Spent in whole bursts, one per window, the last burst can start no earlier than this.
        double stepFloor = (Math.Ceiling(points / (double)budget) - 1) * 60;
        double ratio = floor > 0 ? seconds / floor : double.NaN;

        report.Add("users created (objects out)", Format.Count(result.Value<int>("Created")))
            .Add("wall time", Format.Seconds(seconds))
            .Add("GraphQL requests", Format.Count(site.Counters.Requests))
            .Add("complexity points spent (emulator)", Format.Count(points))
            .Add("floor = max(0, points − budget) ÷ budget × 60 s", Format.Seconds(floor))
            .Add("step floor = (⌈points ÷ budget⌉ − 1) × 60 s", Format.Seconds(stepFloor))
            .Add("wall time ÷ floor", Format.Ratio(ratio))
            .Add("wall time ÷ step floor", stepFloor > 0 ? Format.Ratio(seconds / stepFloor) : "n/a")
            .Add("429s sent by the emulator", Format.Count(tooMany))
            .Goal("wall time ≤ 1.25× floor", ratio <= 1.25, Format.Ratio(ratio))
            .Goal("zero 429s received", tooMany == 0, Format.Count(tooMany))
            .Note($"Emulator: RateLimitPerMinute = {Format.Count(budget)} (sliding 60 s window), {settings.LatencyMs} ms latency; session: Connect-Totara -ComplexityBudget {Format.Count(budget)}. Points are the emulator's own count (PointsSpent), not the client's estimate; the handshake's few points at Connect-Totara are not counted but sit in the window.")
            .Note("Floor: the window starts empty, so the first `budget` points may go at once; the rest cannot go faster than `budget` per 60 s. The step floor is the strict bound for a client that spends whole bursts: the last burst cannot start before (⌈P/B⌉ − 1) windows have passed.");
        return report;
    }
}

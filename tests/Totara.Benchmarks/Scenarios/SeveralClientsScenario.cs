using System.Diagnostics;
using Totara.Benchmarks.Hosting;
using Totara.Benchmarks.Reporting;
using Totara.Emulator;

namespace Totara.Benchmarks.Scenarios;

/// <summary>
/// Scenario 10: one bulk create spread over one, two and three API clients of one site, under
/// Totara's default limits (250,000 points a minute per client, 500,000 for the site) and its
/// two-counter window. Each count runs on a fresh site, so no window carries over.
/// </summary>
internal static class SeveralClientsScenario
{
    private const int ClientBudget = 250_000;
    private const int SiteBudget = 500_000;

    public static async Task<ScenarioReport> RunAsync(BenchSettings settings)
    {
        int count = settings.SpreadCount;
        var report = new ScenarioReport(10, $"Create {Format.Count(count)} users spread over 1, 2 and 3 API clients (default limits: {Format.Count(ClientBudget)}/min per client, {Format.Count(SiteBudget)}/min for the site)");
        var runs = new List<Run>();
        foreach (int clients in new[] { 1, 2, 3 })
        {
            var run = await RunOnceAsync(settings, clients, count);
            runs.Add(run);
            string label = clients == 1 ? "1 client" : $"{clients} clients";
            report.Add($"{label}: wall time", Format.Seconds(run.Seconds))
                .Add($"{label}: users per second", $"{count / run.Seconds:0}")
                .Add($"{label}: complexity points spent (emulator), handshake included", Format.Count(run.Points))
                .Add($"{label}: floor", Format.Seconds(run.Floor))
                .Add($"{label}: wall time ÷ floor", Format.Ratio(run.Seconds / run.Floor))
                .Add($"{label}: 429s sent by the emulator", Format.Count(run.TooMany));
            foreach (var (id, windows) in run.ClientWindows)
                report.Add($"{label}: points of {id}, in all / per window", $"{Format.Count(windows.Sum(w => w.Points))} / {Windows(windows)}");
            report.Add($"{label}: site's points per window (highest rate reached)", $"{Windows(run.SiteWindows)} ({Format.Count(run.SiteWindows.Max(w => w.PeakRate))})");
        }

        var (one, two, three) = (runs[0], runs[1], runs[2]);
        double speedup = one.Seconds / two.Seconds;
        double threeRatio = three.Seconds / three.Floor;
        long highestSiteRate = runs.Max(r => r.SiteWindows.Max(w => w.PeakRate));
        long mostSitePoints = runs.Max(r => r.SiteWindows.Max(w => w.Points));
        report.Add("2 clients: throughput ÷ 1 client's", Format.Ratio(speedup))
            .Goal("1 client within 1.25× of its floor", one.Seconds / one.Floor <= 1.25, Format.Ratio(one.Seconds / one.Floor))
            .Goal("2 clients ≥ 1.8× one client's throughput", speedup >= 1.8, Format.Ratio(speedup))
            .Goal("2 clients: zero 429s", two.TooMany == 0, Format.Count(two.TooMany))
            .Goal("never over the site's budget in any window (highest rate, most points in one window)", highestSiteRate <= SiteBudget && mostSitePoints <= SiteBudget, $"{Format.Count(highestSiteRate)}, {Format.Count(mostSitePoints)}")
            .Goal("3 clients within 1.25× of the site's floor", threeRatio <= 1.25, Format.Ratio(threeRatio))
            .Note($"Emulator: Totara's default limits (RateLimitPerMinute {Format.Count(ClientBudget)} per client, SiteRateLimitPerMinute {Format.Count(SiteBudget)}), two-counter windows checked before every root field, {settings.LatencyMs} ms latency per request, {settings.ResolverLatencyMs} ms per root field. Session: Connect-Totara -Credential with 1, 2 or 3 PSCredentials (one API client each); New-TotaraUser -GeneratePassword fed by the pipeline, as scenario 1.")
            .Note("Floors: the least time any client that never receives a 429 can take, under Totara's two-counter window (scenario 2): the first budget goes at once, each further budget takes a window of 61 s, the last part fades in at budget ÷ 60 s. One client: its own 250,000. Two clients: the larger of each client's floor for its share and the site's floor for the whole (2 × 250,000 = the site's 500,000, so the two bind together). Three clients: the site's 500,000 binds, so three are no faster than two.")
            .Note("Points per window are the emulator's own records (Totara's client_rate_limit and global_rate_limit rows): the points flushed into each window, in the order the windows started; the highest rate is round(prev × (60 − elapsed) / 60) + current after any flush. Handshake points are in the first window.");
        return report;
    }

    private static async Task<Run> RunOnceAsync(BenchSettings settings, int clients, int count)
    {
        var options = new EmulatorOptions
        {
            LatencyMs = settings.LatencyMs, ResolverLatencyMs = settings.ResolverLatencyMs,
            RateLimitPerMinute = ClientBudget, SiteRateLimitPerMinute = SiteBudget,
        };
        await using var site = await BenchSite.StartAsync(options, ClientBudget, clients);
        long handshake = site.Host.RateWindows().Sum(w => w.Points);
        var watch = Stopwatch.StartNew();
        var result = site.Shell.Run(Scripts.PipelineCreate, count, $"spread{clients}_");
        double seconds = watch.Elapsed.TotalSeconds;
        result.ThrowOnErrors($"New-TotaraUser over {clients} API client(s)");
        if (result.Value<int>("Created") != count) throw new InvalidOperationException($"{clients} client(s): {result.Value<int>("Created")} of {count} users created.");

        long points = site.Counters.PointsSpent + handshake;
        var perClient = site.ClientIds.Select(id => (id, site.Host.RateWindows(id))).ToList();
        double floor = clients == 1
            ? TwoCounterFloor(points, ClientBudget)
            : Math.Max(TwoCounterFloor(points, SiteBudget), perClient.Max(c => TwoCounterFloor(c.Item2.Sum(w => w.Points), ClientBudget)));
        return new Run(seconds, points, floor, site.Counters.TooManyRequestsSent, perClient, site.Host.RateWindows());
    }

    private static string Windows(IEnumerable<RateWindowFigure> windows) => string.Join(", ", windows.Select(w => Format.Count(w.Points)));

    /// <summary>The least time to spend <paramref name="points"/> under Totara's two-counter window of <paramref name="budget"/> a minute (as scenario 2).</summary>
    private static double TwoCounterFloor(long points, long budget)
    {
        if (points <= budget) return 0;
        long rest = points - budget;
        long fullWindows = (rest - 1) / budget;
        long last = rest - fullWindows * budget;
        return 61.0 * (fullWindows + 1) + 60.0 * last / budget;
    }

    private sealed record Run(double Seconds, long Points, double Floor, long TooMany,
        IReadOnlyList<(string Id, IReadOnlyList<RateWindowFigure> Windows)> ClientWindows, IReadOnlyList<RateWindowFigure> SiteWindows);
}

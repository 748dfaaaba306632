using System.Diagnostics;
using Totara.Benchmarks.Hosting;
using Totara.Benchmarks.Reporting;
using Totara.Emulator;

namespace Totara.Benchmarks.Scenarios;

/// <summary>
/// Scenario 11: Invoke-TotaraSync with a state file against the faithful emulator at Totara's
/// default limits (250,000 points a minute, 6,000 a request): a full run that establishes the
/// state, a delta run with no change, a delta run after 1% of rows changed, and a forced -Full run.
/// Each run's points, requests and wall time; the points are the emulator's own count.
/// </summary>
internal static class DeltaSyncScenario
{
    private const int ChangeEvery = 100;
    private const long DeltaBudget = 250_000;

    private const string Sync = """
        param($Rows, $State, [bool] $Full)
        $Rows | Invoke-TotaraSync -SourceIsComplete -StatePath $State -Full:$Full -Summary -ErrorAction SilentlyContinue
        """;

    public static async Task<ScenarioReport> RunAsync(BenchSettings settings)
    {
        int count = settings.DeltaCount;
        var report = new ScenarioReport(11, $"Delta sync: {Format.Count(count)} users with job assignments and one audience each, Totara's default limits");
        var source = new DeltaSyncSource(count);
        await using var site = await BenchSite.StartAsync(new EmulatorOptions { LatencyMs = settings.LatencyMs, ResolverLatencyMs = settings.ResolverLatencyMs });
        source.SeedSite(site);
        var unchanged = source.Rows();
        var changed = source.Rows(ChangeEvery);
        var state = Path.Combine(Path.GetTempPath(), $"delta-bench-{Guid.NewGuid():N}.json");
        site.Counters.Reset();

        try
        {
            var full = Run(site, "1. first run with -StatePath (no state file yet: full)", unchanged, state, false, report);
            var idle = Run(site, "2. delta run, no change", unchanged, state, false, report);
            var onePercent = Run(site, $"3. delta run, 1% of rows changed ({Format.Count(count / ChangeEvery)} departments)", changed, state, false, report);
            var forced = Run(site, "4. forced -Full run (the same source as run 3)", changed, state, true, report);

            report.Add("state file size after the runs", Format.Megabytes(new FileInfo(state).Length))
                .Add("429s sent by the emulator, all runs", Format.Count(site.Counters.TooManyRequestsSent));
            report.Goal($"delta run with no change ≤ {Format.Count(DeltaBudget)} points", idle.Points <= DeltaBudget, Format.Count(idle.Points))
                .Goal("delta run with no change < 60 s", idle.Seconds < 60, Format.Seconds(idle.Seconds))
                .Goal("1% changed: points about proportional (≤ 3% of the full run's)", onePercent.Points <= full.Points * 0.03,
                    $"{Format.Count(onePercent.Points)} ({100.0 * onePercent.Points / full.Points:0.0}% of the full run; {(double)(onePercent.Points - idle.Points) / (count / ChangeEvery):0.0} points a changed row)")
                .Goal("zero 429s received", site.Counters.TooManyRequestsSent == 0, Format.Count(site.Counters.TooManyRequestsSent));
            report.Note("Users, job assignments and memberships are seeded straight into the emulator's store as the source describes them, last modified 30 days ago, so run 1 reads everything and changes nothing. Each run pipes the rows (built before the clock starts, as Import-Csv gives them) into Invoke-TotaraSync -SourceIsComplete -StatePath -Summary in one Microsoft.PowerShell.SDK host; points and requests are the emulator's own counts, the summary's (as the client counted them) beside them.")
                .Note($"Run 3 changes the department of every {ChangeEvery}th row. A delta run reads the users modified on the site since the last read (less 5 minutes), then by id (core_user_user, batched) the users of changed rows with their job assignments, and tests only their memberships.");
            if (forced.Points > 0) report.Note($"Full runs are paced to the client's 250,000 points a minute (Totara's two-counter window), so their wall time is mostly waiting for the budget: {Format.Count(forced.Points)} points need about {forced.Points / 250_000.0:0.0} minutes' budget.");
        }
        finally
        {
            File.Delete(state);
            File.Delete(state + ".lock");
        }
        return report;
    }

    private static (long Points, double Seconds) Run(BenchSite site, string name, object rows, string state, bool full, ScenarioReport report)
    {
        long points = site.Counters.PointsSpent, requests = site.Counters.Requests;
        var watch = Stopwatch.StartNew();
        var result = site.Shell.Run(Sync, rows, state, full);
        double seconds = watch.Elapsed.TotalSeconds;
        long spent = site.Counters.PointsSpent - points, sent = site.Counters.Requests - requests;
        if (result.Terminating is not null || result.Output.Count == 0)
        {
            report.Add(name, $"stopped ({result.Terminating?.ErrorRecord.FullyQualifiedErrorId ?? "no summary"}) after {Format.Seconds(seconds)}");
            return (spent, seconds);
        }
        report.Add(name, $"{result.Value<string>("RunKind")} ({result.Value<string>("RunReason")}); {Format.Count(result.Value<int>("Planned"))} planned, " +
                         $"{Format.Count(result.Value<int>("Applied"))} applied, {Format.Count(result.Value<int>("Failed"))} failed")
            .Add($"{name[..2]} points (emulator / client)", $"{Format.Count(spent)} / {Format.Count(result.Value<long>("ComplexityPoints"))}")
            .Add($"{name[..2]} requests (emulator / client)", $"{Format.Count(sent)} / {Format.Count(result.Value<long>("Requests"))}")
            .Add($"{name[..2]} wall time", Format.Seconds(seconds));
        return (spent, seconds);
    }
}

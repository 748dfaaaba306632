using System.Diagnostics;
using Totara.Benchmarks.Hosting;
using Totara.Benchmarks.Reporting;
using Totara.Emulator;

namespace Totara.Benchmarks.Scenarios;

/// <summary>Scenario 1: New-TotaraUser fed by the pipeline vs one request per record (Invoke-RestMethod, and Invoke-TotaraGraphQL), 20 ms added latency.</summary>
internal static class CreateScenario
{
    public static async Task<ScenarioReport> RunAsync(BenchSettings settings)
    {
        var report = new ScenarioReport(1, $"Create {Format.Count(settings.CreateCount)} users, {settings.LatencyMs} ms added latency: pipeline vs per-record");
        var options = new EmulatorOptions { LatencyMs = settings.LatencyMs, ResolverLatencyMs = settings.ResolverLatencyMs };

        double pipelineSeconds;
        await using (var site = await BenchSite.StartAsync(options))
        {
            var building = Stopwatch.StartNew();
            site.Shell.Run(Scripts.BuildOnly, settings.CreateCount, "built").ThrowOnErrors("building records");
            double buildSeconds = building.Elapsed.TotalSeconds;

            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var result = site.Shell.Run(Scripts.PipelineCreate, settings.CreateCount, "pipe");
            pipelineSeconds = watch.Elapsed.TotalSeconds;
            var pipelineCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            result.ThrowOnErrors("New-TotaraUser pipeline");
            var created = result.Value<int>("Created");
            report.Add("pipeline: users created (objects out)", Format.Count(created))
                .Add("pipeline: users in the emulator's store", Format.Count(CountPrefixed(site, "pipe", settings.CreateCount)))
                .Add("pipeline: wall time", Format.Seconds(pipelineSeconds))
                .Add("pipeline: GraphQL requests", Format.Count(site.Counters.Requests))
                .Add("pipeline: mutations executed", Format.Count(site.Counters.MutationsExecuted))
                .Add("pipeline: complexity points spent", Format.Count(site.Counters.PointsSpent))
                .Add("pipeline: 429s received", Format.Count(site.Counters.TooManyRequestsSent))
                .Add("pipeline: users per second", $"{created / pipelineSeconds:0}")
                .Add("of which: building the records in PowerShell (measured alone)", Format.Seconds(buildSeconds))
                .Add("pipeline: time per user", $"{pipelineSeconds / created * 1000:0.00} ms")
                .Add("pipeline: CPU time, client and emulator together (this process)", Format.Seconds(pipelineCpu.TotalSeconds));
        }

        var rest = await MeasureLoopAsync(options, settings, Scripts.RestPerRecordCreate, "rest", "per-record Invoke-RestMethod loop");
        var graphQL = await MeasureLoopAsync(options, settings, Scripts.PerRecordCreate, "loop", "per-record Invoke-TotaraGraphQL loop");
        foreach (var (label, loop) in new[] { ("per-record Invoke-RestMethod", rest), ("per-record Invoke-TotaraGraphQL", graphQL) })
        {
            report.Add($"{label}: wall time for {Format.Count(settings.PerRecordCount)} users", Format.Seconds(loop.Seconds))
                .Add($"{label}: GraphQL requests", Format.Count(loop.Requests))
                .Add($"{label}: time per user", Format.Seconds(loop.Seconds / settings.PerRecordCount))
                .Add($"{label}: CPU time per user, client and emulator together", Format.Seconds(loop.CpuSeconds / settings.PerRecordCount));
        }

        double extrapolated = rest.Seconds / settings.PerRecordCount * settings.CreateCount;
        double speedup = extrapolated / pipelineSeconds;
        double graphQLSpeedup = graphQL.Seconds / settings.PerRecordCount * settings.CreateCount / pipelineSeconds;
        report.Add($"per-record Invoke-RestMethod: extrapolated to {Format.Count(settings.CreateCount)} users", Format.Seconds(extrapolated))
            .Add("speed-up (Invoke-RestMethod loop extrapolated ÷ pipeline)", Format.Ratio(speedup))
            .Add("speed-up (Invoke-TotaraGraphQL loop extrapolated ÷ pipeline)", Format.Ratio(graphQLSpeedup))
            .Goal("pipeline ≥ 20× faster than per-record", speedup >= 20, Format.Ratio(speedup))
            .Note($"The per-record baseline is what an admin writes without this module: a token fetched once with Invoke-RestMethod, then one Invoke-RestMethod (one core_user_create_user request, body made with ConvertTo-Json) per record, run on {Format.Count(settings.PerRecordCount)} users and extrapolated linearly (per-user time × {Format.Count(settings.CreateCount)}): each request costs the same, so the loop's time is linear in N. The same loop written with Invoke-TotaraGraphQL is shown beside it.")
            .Note("New-TotaraUser keeps up to two batches in flight while it reads the next records (results still written in input order), and asks back only each new user's id and username (13 points a user; the rest of its output is what was sent). Before each batch of creates it reads which of the batch's usernames exist (one request, 5 points a user), so a rerun sends no create that would fail.")
            .Note("CPU time is this process's (PowerShell, client and emulator share it): on a loaded machine the wall times stretch, the CPU times much less.")
            .Note("Everything runs in one Microsoft.PowerShell.SDK 7.6.10 host (the real Utility cmdlets), each side against its own fresh emulator (Totara's default limits: 6,000 complexity per request, 250,000 points/min); every side creates users with a generated password.");
        return report;
    }

    /// <summary>A per-record loop on its own fresh site, warmed up on one user first (JIT, first connection).</summary>
    private static async Task<LoopMeasurement> MeasureLoopAsync(EmulatorOptions options, BenchSettings settings, string script, string prefix, string what)
    {
        await using var site = await BenchSite.StartAsync(options);
        site.Shell.Run(script, 1, "warm" + prefix).ThrowOnErrors(what + " (warm-up)");
        site.Counters.Reset();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = site.Shell.Run(script, settings.PerRecordCount, prefix);
        double seconds = watch.Elapsed.TotalSeconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        result.ThrowOnErrors(what);
        if (CountPrefixed(site, prefix, settings.PerRecordCount) != settings.PerRecordCount)
            throw new InvalidOperationException($"{what} did not create every user.");
        return new LoopMeasurement(seconds, cpu.TotalSeconds, site.Counters.Requests);
    }

    private sealed record LoopMeasurement(double Seconds, double CpuSeconds, long Requests);

    private static int CountPrefixed(BenchSite site, string prefix, int count)
    {
        int found = 0;
        for (int i = 1; i <= count; i++)
            if (site.Host.State.Users.GetByUsername(prefix + i) is not null) found++;
        return found;
    }
}

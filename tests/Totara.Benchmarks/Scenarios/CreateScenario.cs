using System.Diagnostics;
using Totara.Benchmarks.Hosting;
using Totara.Benchmarks.Reporting;
using Totara.Emulator;

namespace Totara.Benchmarks.Scenarios;

/// <summary>Scenario 1: New-TotaraUser fed by the pipeline vs one request per record, 20 ms added latency.</summary>
internal static class CreateScenario
{
    public static async Task<ScenarioReport> RunAsync(BenchSettings settings)
    {
        var report = new ScenarioReport(1, $"Create {Format.Count(settings.CreateCount)} users, {settings.LatencyMs} ms added latency: pipeline vs per-record");
        var options = new EmulatorOptions { LatencyMs = settings.LatencyMs };

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

        double perRecordSeconds;
        await using (var site = await BenchSite.StartAsync(options))
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var result = site.Shell.Run(Scripts.PerRecordCreate, settings.PerRecordCount, "loop");
            perRecordSeconds = watch.Elapsed.TotalSeconds;
            var perRecordCpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            result.ThrowOnErrors("per-record Invoke-TotaraGraphQL loop");
            report.Add($"per-record: wall time for {Format.Count(settings.PerRecordCount)} users", Format.Seconds(perRecordSeconds))
                .Add("per-record: GraphQL requests", Format.Count(site.Counters.Requests))
                .Add("per-record: time per user", Format.Seconds(perRecordSeconds / settings.PerRecordCount))
                .Add("per-record: CPU time per user, client and emulator together", Format.Seconds(perRecordCpu.TotalSeconds / settings.PerRecordCount));
        }

        double extrapolated = perRecordSeconds / settings.PerRecordCount * settings.CreateCount;
        double speedup = extrapolated / pipelineSeconds;
        report.Add($"per-record: extrapolated to {Format.Count(settings.CreateCount)} users", Format.Seconds(extrapolated))
            .Add("speed-up (per-record extrapolated ÷ pipeline)", Format.Ratio(speedup))
            .Goal("pipeline ≥ 20× faster than per-record", speedup >= 20, Format.Ratio(speedup))
            .Note($"The per-record baseline is a script calling Invoke-TotaraGraphQL (one core_user_create_user request) per record, run on {Format.Count(settings.PerRecordCount)} users and extrapolated linearly (per-user time × {Format.Count(settings.CreateCount)}): each request costs the same, so the loop's time is linear in N.")
            .Note("New-TotaraUser keeps up to two batches in flight while it reads the next records (results still written in input order), and asks back only each new user's id and username (13 points a user; the rest of its output is what was sent).")
            .Note("CPU time is this process's (PowerShell, client and emulator share it): on a loaded machine the wall times stretch, the CPU times much less.")
            .Note("Each side runs against its own fresh emulator (Totara's default limits: 6,000 complexity per request, 250,000 points/min); both create users with a generated password.");
        return report;
    }

    private static int CountPrefixed(BenchSite site, string prefix, int count)
    {
        int found = 0;
        for (int i = 1; i <= count; i++)
            if (site.Host.State.Users.GetByUsername(prefix + i) is not null) found++;
        return found;
    }
}

using System.Diagnostics;
using Totara.Benchmarks.Hosting;
using Totara.Benchmarks.Reporting;
using Totara.Emulator;

namespace Totara.Benchmarks.Scenarios;

/// <summary>Scenario 3: stream every user of a large site: first object, total time, memory.</summary>
internal static class ListScenario
{
    public static async Task<ScenarioReport> RunAsync(BenchSettings settings)
    {
        var report = new ScenarioReport(3, $"List {Format.Count(settings.ListCount)} users with Get-TotaraUser (streaming)");
        // Rate limits off: this measures the module's streaming, not the site's budget.
        var options = new EmulatorOptions { LatencyMs = settings.LatencyMs, ResolverLatencyMs = settings.ResolverLatencyMs, RateLimitPerMinute = null, SiteRateLimitPerMinute = null };

        await using var site = await BenchSite.StartAsync(options, complexityBudget: 1_000_000_000);
        site.Seed("listed", settings.ListCount);
        long liveUsers = site.Host.State.Users.Count;

        long before = GC.GetTotalMemory(forceFullCollection: true);
        ShellResult result;
        var watch = Stopwatch.StartNew();
        using (var sampler = new MemorySampler())
        {
            result = site.Shell.Run(Scripts.ListAll);
            watch.Stop();
            result.ThrowOnErrors("Get-TotaraUser");
            long after = GC.GetTotalMemory(forceFullCollection: true);
            double first = result.Value<double>("FirstSeconds");
            long growth = after - before;
            report.Add("users on the site (active)", Format.Count(liveUsers))
                .Add("users received", Format.Count(result.Value<long>("Count")))
                .Add("time to first object (in the pipeline)", Format.Seconds(first))
                .Add("total time", Format.Seconds(watch.Elapsed.TotalSeconds))
                .Add("users per second", $"{result.Value<long>("Count") / watch.Elapsed.TotalSeconds:0}")
                .Add("GraphQL requests (pages)", Format.Count(site.Counters.Requests))
                .Add("complexity points spent", Format.Count(site.Counters.PointsSpent))
                .Add("managed memory growth (after − before, full GC)", Format.Megabytes(growth))
                .Add("peak managed heap during the run, above before", Format.Megabytes(sampler.PeakManagedBytes - before))
                .Add("peak working set during the run (whole process)", Format.Megabytes(sampler.PeakWorkingSetBytes))
                .Goal("first object < 0.5 s", first < 0.5, Format.Seconds(first))
                .Goal("memory growth < 100 MB", growth < 100L * 1024 * 1024, Format.Megabytes(growth));
        }

        report.Note($"Users are seeded straight into the emulator's store (no requests). The script pipes Get-TotaraUser into ForEach-Object, which notes the Stopwatch at the first object and counts; nothing is kept. Rate limits are off and latency is {settings.LatencyMs} ms per request.")
            .Note("Memory is measured in this process, which also hosts the emulator and its seeded users (seeded before the 'before' reading). The peak working set is the whole process's, emulator included; the peak heap is sampled every 20 ms without forcing a collection, so it includes garbage not yet collected.");
        return report;
    }
}

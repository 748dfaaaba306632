using System.Diagnostics;
using Totara.Benchmarks.Hosting;
using Totara.Benchmarks.Reporting;
using Totara.Emulator;

namespace Totara.Benchmarks.Scenarios;

/// <summary>Scenario 4: a source where most records equal the site: update all vs only the changed ones.</summary>
internal static class UpdateScenario
{
    public static async Task<ScenarioReport> RunAsync(BenchSettings settings)
    {
        int changed = settings.UpdateCount / settings.ChangedEvery;
        var report = new ScenarioReport(4, $"Update {Format.Count(settings.UpdateCount)} users of which {Format.Count(changed)} changed");
        var options = new EmulatorOptions { LatencyMs = settings.LatencyMs, ResolverLatencyMs = settings.ResolverLatencyMs };

        var all = await MeasureAsync(options, settings, Scripts.UpdateAll);
        var changedOnly = await MeasureAsync(options, settings, Scripts.UpdateChangedOnly);

        foreach (var (label, m) in new[] { ("all records → Set-TotaraUser", all), ("compare, changed only → Set-TotaraUser", changedOnly) })
        {
            report.Add($"{label}: wall time", Format.Seconds(m.Seconds))
                .Add($"{label}: GraphQL requests", Format.Count(m.Requests))
                .Add($"{label}: mutations executed", Format.Count(m.Mutations))
                .Add($"{label}: complexity points", Format.Count(m.Points))
                .Add($"{label}: changed users correct on the site", $"{Format.Count(m.CorrectChanges)} of {Format.Count(changed)}");
        }

        report.Add("time: all ÷ changed-only", Format.Ratio(all.Seconds / changedOnly.Seconds))
            .Add("mutations: all ÷ changed-only", Format.Ratio(all.Mutations / (double)Math.Max(1, changedOnly.Mutations)))
            .Goal($"only changed records sent ({Format.Count(changed)} mutations)", changedOnly.Mutations == changed, Format.Count(changedOnly.Mutations))
            .Note("Set-TotaraUser sends every field a record carries and does not compare with the site first, so piping all records executes one update per record. The figures for 'changed only' are the idiom: read the site once with Get-TotaraUser into a hashtable, compare FirstName/LastName/Email/IdNumber, and pipe only records with differences, each carrying only the changed fields (plus Username to name the user). Its time includes that read.")
            .Note($"Each side has its own fresh emulator seeded with the same {Format.Count(settings.UpdateCount)} users (Totara's default limits, {settings.LatencyMs} ms latency); every {settings.ChangedEvery}th record has a new LastName.")
            .Note("Without -PassThru, Set-TotaraUser asks back only each user's id (12 points a user); batches are pipelined (up to two in flight while the next is read).");
        return report;
    }

    private static async Task<Measurement> MeasureAsync(EmulatorOptions options, BenchSettings settings, string script)
    {
        await using var site = await BenchSite.StartAsync(options);
        site.Seed("upd", settings.UpdateCount);
        site.Shell.Run(Scripts.BuildSource, settings.UpdateCount, "upd", settings.ChangedEvery).ThrowOnErrors("building the source records");
        site.Counters.Reset();

        var watch = Stopwatch.StartNew();
        site.Shell.Run(script).ThrowOnErrors("Set-TotaraUser");
        double seconds = watch.Elapsed.TotalSeconds;

        int correct = 0;
        for (int i = settings.ChangedEvery; i <= settings.UpdateCount; i += settings.ChangedEvery)
            if (site.Host.State.Users.GetByUsername("upd" + i)?.LastName == $"Changed {i}") correct++;
        return new Measurement(seconds, site.Counters.Requests, site.Counters.MutationsExecuted, site.Counters.PointsSpent, correct);
    }

    private sealed record Measurement(double Seconds, long Requests, long Mutations, long Points, int CorrectChanges);
}

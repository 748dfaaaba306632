using System.Diagnostics;
using Totara.Benchmarks.Hosting;
using Totara.Benchmarks.Reporting;
using Totara.Emulator;

namespace Totara.Benchmarks.Scenarios;

/// <summary>
/// Scenario 9: New-TotaraUser where every record fails (each username exists already) against
/// the same number of records that succeed. Totara stops a batch at its first failed mutation,
/// so a failure that is sent costs a round of its own; the client now reads which usernames
/// exist before it sends a batch of creates and sends none of those. What must not happen
/// either is the client booking each round's whole remainder against its budget.
/// </summary>
internal static class FailingCreateScenario
{
    private const int PointsPerCreate = 13; // 10 for the mutation, 1 each for user, id and username

    public static async Task<ScenarioReport> RunAsync(BenchSettings settings)
    {
        int n = settings.FailCount;
        var report = new ScenarioReport(9, $"{Format.Count(n)} creates that all fail (existing usernames) vs {Format.Count(n)} that succeed, {settings.LatencyMs} ms added latency");
        var options = new EmulatorOptions { LatencyMs = settings.LatencyMs, ResolverLatencyMs = settings.ResolverLatencyMs };

        var success = await RunSideAsync(options, n, seedFirst: false, "success", report);
        var failure = await RunSideAsync(options, n, seedFirst: true, "failure", report);

        double ratio = failure.Seconds / success.Seconds;
        double oldBooking = PointsPerCreate * (double)n * (n + 1) / 2;
        report.Add("time: all failing ÷ all succeeding", Format.Ratio(ratio))
            .Add("failures: floor if each were sent (one round per failure: requests × latency)", Format.Seconds(n * settings.LatencyMs / 1000.0))
            .Add("points the client booked before the fix (each round's whole remainder, computed)", Format.Count((long)oldBooking))
            .Goal($"{Format.Count(n)} failures take ≤ 3× the time of {Format.Count(n)} successes", ratio <= 3, Format.Ratio(ratio))
            .Goal($"failures book O(n) points: ≤ {PointsPerCreate} a record", failure.Booked <= PointsPerCreate * (long)n, Format.Count(failure.Booked))
            .Note($"Each side has its own fresh emulator (Totara's default limits, {settings.LatencyMs} ms added to every request) and is warmed up with one create before the clock starts. The failing side's {Format.Count(n)} users are seeded into the store first, with the usernames and emails the records carry; the records are piped into New-TotaraUser -GeneratePassword -ErrorAction SilentlyContinue and the failures collected with -ErrorVariable.")
            .Note("Totara runs a request's root mutations one after another and stops at the first that fails (its result type is non-null): the data is null and the aliases after it never run. Sent, a batch in which every record fails would take one request per record, at least that many round trips. So before a batch of creates is sent, the client reads in one batched query (core_user_user { __typename } per username, 5 points each) which usernames exist, and answers those creates with the site's own error (Username already exists) without sending them. The succeeding side pays that read too: one more request and 5 points a record.")
            .Note($"Before the booking fix each round booked its whole remainder's estimate ({PointsPerCreate} points a create) against the client's 250,000 points/minute budget, about n²/2 creates' worth in all; the computed figure above is what that rule would have booked for the rounds a send of every failure takes.");
        return report;
    }

    private static async Task<(double Seconds, long Booked)> RunSideAsync(EmulatorOptions options, int n, bool seedFirst, string side, ScenarioReport report)
    {
        await using var site = await BenchSite.StartAsync(options);
        site.Shell.Run(Scripts.PipelineCreate, 1, "warm").ThrowOnErrors("warm-up create");
        if (seedFirst) site.Seed("taken", n);
        site.Counters.Reset();

        long bookedBefore = site.Shell.Run(Scripts.ClientBookedPoints).ThrowOnErrors("reading the pacer").Value<long>("Booked");
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = site.Shell.Run(Scripts.PipelineCreateCountingFailures, n, seedFirst ? "taken" : "fresh");
        double seconds = watch.Elapsed.TotalSeconds;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        if (result.Terminating is not null)
            throw new InvalidOperationException($"New-TotaraUser ({side}) stopped: {result.Terminating.Message}", result.Terminating);
        long booked = site.Shell.Run(Scripts.ClientBookedPoints).ThrowOnErrors("reading the pacer").Value<long>("Booked") - bookedBefore;

        report.Add($"{side}: users created / records failed", $"{Format.Count(result.Value<int>("Created"))} / {Format.Count(result.Value<int>("Failed"))}")
            .Add($"{side}: wall time", Format.Seconds(seconds))
            .Add($"{side}: GraphQL requests", Format.Count(site.Counters.Requests))
            .Add($"{side}: mutations executed", Format.Count(site.Counters.MutationsExecuted))
            .Add($"{side}: complexity points spent (emulator)", Format.Count(site.Counters.PointsSpent))
            .Add($"{side}: points booked by the client's pacer (in its 60 s window at the end)", Format.Count(booked))
            .Add($"{side}: 429s received", Format.Count(site.Counters.TooManyRequestsSent))
            .Add($"{side}: CPU time, client and emulator together (this process)", Format.Seconds(cpu.TotalSeconds));
        if (seedFirst)
            report.Add("failure: first error id", result.Value<string>("FirstErrorId"));
        return (seconds, booked);
    }
}

using System.Diagnostics;
using System.Management.Automation;
using Totara.Benchmarks.Hosting;
using Totara.Benchmarks.Reporting;
using Totara.Emulator;

namespace Totara.Benchmarks.Scenarios;

/// <summary>
/// Scenario 7: a full sync (read, plan, apply) of a source in which every user changed, 20 ms
/// added latency: Invoke-TotaraSync vs one update request per user.
/// </summary>
internal static class SyncScenario
{
    /// <summary>The whole source piped into Invoke-TotaraSync; returns its summary.</summary>
    private const string Sync = """
        param($Rows)
        $Rows | Invoke-TotaraSync -Summary
        """;

    /// <summary>The baseline without this module: a token once, then one Invoke-RestMethod (one core_user_update_user request) per changed user.</summary>
    private const string RestPerRecordUpdate = """
        param($Rows)
        Connect-GraphQLRest
        $query = 'mutation bench_update($target: core_user_user_reference!, $input: core_user_update_user_input!) { core_user_update_user(target_user: $target, input: $input) { user { id } } }'
        $updated = 0
        foreach ($row in $Rows) {
            $null = Send-GraphQL -Query $query -Variables @{ target = @{ idnumber = $row.idnumber }; input = @{ lastname = $row.lastname } }
            $updated++
        }
        [pscustomobject]@{ Updated = $updated }
        """;

    /// <summary>The same loop with the module: one Invoke-TotaraGraphQL (one core_user_update_user request) per changed user.</summary>
    private const string PerRecordUpdate = """
        param($Rows)
        $query = 'mutation bench_update($target: core_user_user_reference!, $input: core_user_update_user_input!) { core_user_update_user(target_user: $target, input: $input) { user { id } } }'
        $updated = 0
        foreach ($row in $Rows) {
            $null = Invoke-TotaraGraphQL -Query $query -Variables @{ target = @{ idnumber = $row.idnumber }; input = @{ lastname = $row.lastname } } -ErrorAction Stop
            $updated++
        }
        [pscustomobject]@{ Updated = $updated }
        """;

    public static async Task<ScenarioReport> RunAsync(BenchSettings settings)
    {
        int count = settings.SyncCount, sample = settings.SyncPerRecordCount;
        var report = new ScenarioReport(7, $"Sync {Format.Count(count)} changed users, {settings.LatencyMs} ms added latency: Invoke-TotaraSync vs per-record");
        var options = new EmulatorOptions { LatencyMs = settings.LatencyMs, ResolverLatencyMs = settings.ResolverLatencyMs };

        double syncSeconds;
        await using (var site = await BenchSite.StartAsync(options))
        {
            Prepare(site, "sync", count, Sync, "Invoke-TotaraSync");
            var rows = ChangedRows("sync", count);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var result = site.Shell.Run(Sync, new object[] { rows });
            syncSeconds = watch.Elapsed.TotalSeconds;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            result.ThrowOnErrors("Invoke-TotaraSync");
            report.Add("sync: users updated (summary)", Format.Count(result.Value<int>("Updated")))
                .Add("sync: changes failed (summary)", Format.Count(result.Value<int>("Failed")))
                .Add("sync: users with the new last name in the emulator's store", Format.Count(CountChanged(site, "sync", count)))
                .Add("sync: wall time (validate, read, plan, apply)", Format.Seconds(syncSeconds))
                .Add("sync: GraphQL requests", Format.Count(site.Counters.Requests))
                .Add("sync: mutations executed", Format.Count(site.Counters.MutationsExecuted))
                .Add("sync: complexity points spent", Format.Count(site.Counters.PointsSpent))
                .Add("sync: 429s received", Format.Count(site.Counters.TooManyRequestsSent))
                .Add("sync: users per second", $"{count / syncSeconds:0}")
                .Add("sync: CPU time, client and emulator together (this process)", Format.Seconds(cpu.TotalSeconds));
        }

        double restSeconds = await MeasureLoopAsync(options, report, sample, "rest", RestPerRecordUpdate, "per-record Invoke-RestMethod");
        double loopSeconds = await MeasureLoopAsync(options, report, sample, "loop", PerRecordUpdate, "per-record Invoke-TotaraGraphQL");

        double extrapolated = restSeconds / sample * count;
        double speedup = extrapolated / syncSeconds;
        report.Add($"per-record Invoke-RestMethod: extrapolated to {Format.Count(count)} users", Format.Seconds(extrapolated))
            .Add("speed-up (Invoke-RestMethod loop extrapolated ÷ Invoke-TotaraSync)", Format.Ratio(speedup))
            .Add("speed-up (Invoke-TotaraGraphQL loop extrapolated ÷ Invoke-TotaraSync)", Format.Ratio(loopSeconds / sample * count / syncSeconds))
            .Goal("Invoke-TotaraSync ≥ 20× faster than per-record", speedup >= 20, Format.Ratio(speedup))
            .Note($"Each side has its own fresh emulator ({settings.LatencyMs} ms added to every request, Totara's default limits) seeded with its users; every source row (idnumber, username, email, first and last name, as Import-Csv gives them) has a new last name, so every user changes. The rows are built before the clock starts, as if read from a file.")
            .Note("Invoke-TotaraSync's time is the whole command: validate the source, read every site user (paged), plan, and apply the updates in batched requests. The summary and the emulator's store both confirm every user changed.")
            .Note($"The per-record baseline is what an admin writes without this module: a token fetched once, then one Invoke-RestMethod (one core_user_update_user request carrying only the new last name) per user; the same loop with Invoke-TotaraGraphQL is shown beside it. Both run on {Format.Count(sample)} users and extrapolated linearly (per-user time × {Format.Count(count)}), as scenario 1 does. It is generous to the loop: it already knows which users changed and what changed, where a real per-record sync would also have to read each user first.")
            .Note("Both sides are warmed up first (one user synced or updated before the clock starts, and before the other users are seeded, so the warm-up spends almost none of the minute's complexity budget), so neither pays for JIT compilation or the first token.")
            .Note("The sync's points (the read of every user, about 7 points a user, plus about 12 an update) fit within Totara's default 250,000 points a minute at this size; a sync that changes several times more users in one go is paced by that budget (about 20,000 updates a minute after its read), which the client keeps to without a 429.");
        return report;
    }

    /// <summary>A per-record loop on its own fresh site: wall time, requests and users changed go in the report.</summary>
    private static async Task<double> MeasureLoopAsync(EmulatorOptions options, ScenarioReport report, int sample, string prefix, string script, string label)
    {
        await using var site = await BenchSite.StartAsync(options);
        Prepare(site, prefix, sample, script, label + " loop");
        var watch = Stopwatch.StartNew();
        var result = site.Shell.Run(script, new object[] { ChangedRows(prefix, sample) });
        double seconds = watch.Elapsed.TotalSeconds;
        result.ThrowOnErrors(label + " loop");
        report.Add($"{label}: wall time for {Format.Count(sample)} users", Format.Seconds(seconds))
            .Add($"{label}: GraphQL requests", Format.Count(site.Counters.Requests))
            .Add($"{label}: users with the new last name", Format.Count(CountChanged(site, prefix, sample)))
            .Add($"{label}: time per user", Format.Seconds(seconds / sample));
        return seconds;
    }

    /// <summary>
    /// Runs the script once on a single warm-up user, then seeds the users and zeroes the counters.
    /// The warm-up comes first so that its sync reads one user, not all of them: a read of every
    /// user would spend tens of thousands of points of the minute's budget just before the clock starts.
    /// </summary>
    private static void Prepare(BenchSite site, string prefix, int count, string script, string what)
    {
        site.Seed("warm" + prefix, 1);
        site.Shell.Run(script, new object[] { ChangedRows("warm" + prefix, 1) }).ThrowOnErrors(what + " (warm-up)");
        site.Seed(prefix, count);
        site.Counters.Reset();
    }

    /// <summary>The seeded users as the source has them: each with a new last name.</summary>
    private static PSObject[] ChangedRows(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i =>
        {
            var user = BenchSite.SeededUser(prefix, i);
            return SourceRows.Row(("idnumber", user.IdNumber), ("username", user.Username), ("email", user.Email),
                ("firstname", user.FirstName), ("lastname", $"Changed {i}"));
        }).ToArray();

    private static int CountChanged(BenchSite site, string prefix, int count)
    {
        int changed = 0;
        for (int i = 1; i <= count; i++)
            if (site.Host.State.Users.GetByUsername(prefix + i)?.LastName == $"Changed {i}") changed++;
        return changed;
    }
}

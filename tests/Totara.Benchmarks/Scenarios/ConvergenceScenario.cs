using System.Diagnostics;
using Totara.Benchmarks.Hosting;
using Totara.Benchmarks.Reporting;
using Totara.Emulator;

namespace Totara.Benchmarks.Scenarios;

/// <summary>
/// Scenario 8: Invoke-TotaraSync run again and again while the emulator answers 10% of requests
/// with a 5xx, drops 5% of connections (half of them after the mutations were applied) and
/// expires access tokens, until a run plans nothing; then the emulator's store is compared with
/// the source.
/// </summary>
internal static class ConvergenceScenario
{
    private const int MaxRuns = 10;
    private const double FaultRate = 0.10, DropRate = 0.05;

    /// <summary>One run: the whole source, the summary out, errors (failed changes) kept as non-terminating.</summary>
    private const string Sync = """
        param($Rows)
        $Rows | Invoke-TotaraSync -Summary -ErrorAction SilentlyContinue
        """;

    public static async Task<ScenarioReport> RunAsync(BenchSettings settings)
    {
        int count = settings.ConvergeCount;
        var ttl = settings.ConvergeTokenLifetime;
        var report = new ScenarioReport(8, $"Converge under faults: sync {Format.Count(count)} users with job assignments and audiences, 10% 5xx + 5% dropped connections + tokens expiring every {ttl.TotalSeconds:0} s");
        var source = new ConvergenceSource(count);

        await using var site = await BenchSite.StartAsync(new EmulatorOptions { LatencyMs = settings.LatencyMs, ResolverLatencyMs = settings.ResolverLatencyMs });
        source.SeedSite(site);
        var rows = source.Rows();
        site.Host.Switches.TokenLifetime = ttl;
        site.Host.Switches.ExpireAllTokens(); // the session's first token was issued before the lifetime was shortened
        site.Host.Switches.FaultRate = FaultRate;
        site.Host.Switches.DropRate = DropRate;
        site.Counters.Reset();

        var runs = new List<(string Run, string Outcome)>();
        int runsNeeded = 0;
        var total = Stopwatch.StartNew();
        for (int run = 1; run <= MaxRuns; run++)
        {
            long pointsBefore = site.Counters.PointsSpent, requestsBefore = site.Counters.Requests;
            var watch = Stopwatch.StartNew();
            var result = site.Shell.Run(Sync, new object[] { rows });
            double seconds = watch.Elapsed.TotalSeconds;
            string cost = $"{Format.Count(site.Counters.Requests - requestsBefore)} requests, {Format.Count(site.Counters.PointsSpent - pointsBefore)} points";
            if (result.Terminating is not null || result.Output.Count == 0)
            {
                string why = result.Terminating?.ErrorRecord.FullyQualifiedErrorId ?? "no summary";
                runs.Add(($"run {run}", $"stopped ({why}) after {Format.Seconds(seconds)}; {cost}"));
                continue;
            }
            int planned = result.Value<int>("Planned"), applied = result.Value<int>("Applied"), failed = result.Value<int>("Failed");
            runs.Add(($"run {run}", $"{Format.Count(planned)} planned, {Format.Count(applied)} applied, {Format.Count(failed)} failed, {Format.Seconds(seconds)}; {cost}"));
            if (planned == 0)
            {
                runsNeeded = run;
                break;
            }
        }
        double totalSeconds = total.Elapsed.TotalSeconds;

        var counters = site.Counters;
        long serverErrors = counters.ServerErrorsSent, dropped = counters.ConnectionsDropped, tooMany = counters.TooManyRequestsSent;
        site.Host.Switches.FaultRate = 0;
        site.Host.Switches.DropRate = 0;
        var comparison = source.Compare(site);

        foreach (var (name, outcome) in runs) report.Add(name, outcome);
        report.Add("runs until one planned nothing (that run included)", runsNeeded > 0 ? Format.Count(runsNeeded) : $"not within {MaxRuns}")
            .Add("wall time, all runs", Format.Seconds(totalSeconds))
            .Add("GraphQL requests", Format.Count(counters.Requests))
            .Add("5xx sent by the emulator", Format.Count(serverErrors))
            .Add("connections dropped by the emulator", Format.Count(dropped))
            .Add("access tokens issued / requests refused as unauthorised (expired token)", $"{Format.Count(counters.TokensIssued)} / {Format.Count(counters.Unauthorized)}")
            .Add("mutations executed", Format.Count(counters.MutationsExecuted))
            .Add("complexity points spent", Format.Count(counters.PointsSpent))
            .Add("429s received", Format.Count(tooMany))
            .Add("users on the site with the source's idnumbers (expected)", $"{Format.Count(comparison.UsersOnSite)} ({Format.Count(count)})")
            .Add("duplicate users", Format.Count(comparison.DuplicateUsers))
            .Add("users missing / with a field unlike the source", $"{Format.Count(comparison.MissingUsers)} / {Format.Count(comparison.WrongUsers)}")
            .Add("job assignments (expected)", $"{Format.Count(comparison.Assignments)} ({Format.Count(count)})")
            .Add("duplicate job assignments / missing or unlike the source", $"{Format.Count(comparison.DuplicateAssignments)} / {Format.Count(comparison.WrongAssignments)}")
            .Add("audience memberships", Format.Count(comparison.Memberships))
            .Add("users whose audiences differ from the source / memberships beyond the source's", $"{Format.Count(comparison.WrongMemberships)} / {Format.Count(comparison.ExtraMemberships)}")
            .Goal($"converges: a run plans nothing within {MaxRuns} runs", runsNeeded > 0, runsNeeded > 0 ? $"{runsNeeded} runs" : "no")
            .Goal("zero 429s received", tooMany == 0, Format.Count(tooMany))
            .Goal("emulator state = source (no duplicate or missing users, assignments, memberships; every field as the source says)", comparison.Differences == 0,
                $"{Format.Count(comparison.Differences)} differences")
            .Note($"One fresh emulator ({settings.LatencyMs} ms latency, Totara's default limits) with 10 positions, 5 organisations and 5 static audiences; {Format.Count(source.Existing)} of the {Format.Count(count)} users already exist (each then gets a new last name, department and city), the rest are created. Every row has a job assignment (idnumber, full name, start date, position, organisation, and a manager for all but the first 10: user i reports to user i ÷ 10, so managers' assignments must come first) and one or two audiences (an Audiences column). Matching on idnumber; -CohortMode Add.")
            .Note($"Faults from the start of the first run: {FaultRate:P0} of GraphQL requests get a 500 or 503, {DropRate:P0} have their connection dropped (half before execution, half after it, when the changes were made and only the answer is lost), and access tokens live {ttl.TotalSeconds:0} s (all expired once before the first run), so the client must fetch new ones mid-run. Each run is `$rows | Invoke-TotaraSync -Summary -ErrorAction SilentlyContinue`; a run that stops is counted and the next one started.")
            .Note("A run's wall time includes waiting for Totara's complexity budget (250,000 points a minute, which the client keeps to rather than meet a 429): a run reads every user with their job assignments and tests every listed membership, so even a run that plans nothing spends tens of points per user, and runs back to back soon spend more than a minute's budget; the next run then waits for the window to slide. Faults add retries, and a lost answer's check, to the points and the time.")
            .Note("The comparison reads the emulator's store directly after the faults are switched off: users by idnumber (username, email, names, department, city, not suspended), each user's job assignments (exactly one, with the source's idnumber, full name, position, organisation and manager's assignment), and every audience's members (exactly the source's).");
        return report;
    }
}

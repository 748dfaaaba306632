using System.Diagnostics;
using Totara.Benchmarks.Hosting;
using Totara.Benchmarks.Reporting;
using Totara.Emulator;

namespace Totara.Benchmarks.Scenarios;

/// <summary>
/// Scenario 5: add users to an audience, Add-TotaraCohortMember fed by the pipeline vs one
/// request per user, 20 ms added latency. Uses scenario 1's sizes (CreateCount users, the loop
/// run on PerRecordCount of them and extrapolated).
/// </summary>
internal static class AudienceScenario
{
    /// <summary>The usernames to add, in $names (built before the clock starts: they stand for a file or an HR source).</summary>
    private const string SetNames = """
        param($Count, $Prefix)
        $global:names = foreach ($i in 1..$Count) { "$Prefix$i" }
        """;

    /// <summary>The usernames piped into Add-TotaraCohortMember; returns Added (results that say Added).</summary>
    private const string PipelineAdd = """
        param($Cohort)
        $results = $names | Add-TotaraCohortMember -Cohort $Cohort
        [pscustomobject]@{ Added = @($results.Result -eq 'Added').Count }
        """;

    /// <summary>The baseline without this module: a token once, then one Invoke-RestMethod (one core_cohort_add_cohort_member request) per user.</summary>
    private const string RestPerRecordAdd = """
        param($Cohort)
        Connect-GraphQLRest
        $query = 'mutation bench_add($user: core_user_user_reference!, $cohort: core_cohort_cohort_reference!) { core_cohort_add_cohort_member(user: $user, cohort: $cohort) { success } }'
        $added = 0
        foreach ($name in $names) {
            $null = Send-GraphQL -Query $query -Variables @{ user = @{ username = $name }; cohort = @{ idnumber = $Cohort } }
            $added++
        }
        [pscustomobject]@{ Added = $added }
        """;

    /// <summary>The same loop with the module: one Invoke-TotaraGraphQL (one core_cohort_add_cohort_member request) per user.</summary>
    private const string PerRecordAdd = """
        param($Cohort)
        $query = 'mutation bench_add($user: core_user_user_reference!, $cohort: core_cohort_cohort_reference!) { core_cohort_add_cohort_member(user: $user, cohort: $cohort) { success } }'
        $added = 0
        foreach ($name in $names) {
            $null = Invoke-TotaraGraphQL -Query $query -Variables @{ user = @{ username = $name }; cohort = @{ idnumber = $Cohort } } -ErrorAction Stop
            $added++
        }
        [pscustomobject]@{ Added = $added }
        """;

    public static async Task<ScenarioReport> RunAsync(BenchSettings settings)
    {
        var report = new ScenarioReport(5, $"Add {Format.Count(settings.CreateCount)} users to an audience, {settings.LatencyMs} ms added latency: pipeline vs per-record");
        var options = new EmulatorOptions { LatencyMs = settings.LatencyMs, ResolverLatencyMs = settings.ResolverLatencyMs };

        var pipeline = await MeasureAsync(options, settings.CreateCount, "pipe", PipelineAdd, "Add-TotaraCohortMember pipeline");
        report.Add("pipeline: users added (results saying Added)", Format.Count(pipeline.Reported))
            .Add("pipeline: members in the emulator's store", Format.Count(pipeline.Members))
            .Add("pipeline: wall time", Format.Seconds(pipeline.Seconds))
            .Add("pipeline: GraphQL requests", Format.Count(pipeline.Requests))
            .Add("pipeline: mutations executed", Format.Count(pipeline.Mutations))
            .Add("pipeline: complexity points spent", Format.Count(pipeline.Points))
            .Add("pipeline: users per second", $"{pipeline.Members / pipeline.Seconds:0}");

        var rest = await MeasureAsync(options, settings.PerRecordCount, "rest", RestPerRecordAdd, "per-record Invoke-RestMethod loop");
        var loop = await MeasureAsync(options, settings.PerRecordCount, "loop", PerRecordAdd, "per-record Invoke-TotaraGraphQL loop");
        foreach (var (label, measured) in new[] { ("per-record Invoke-RestMethod", rest), ("per-record Invoke-TotaraGraphQL", loop) })
        {
            report.Add($"{label}: wall time for {Format.Count(settings.PerRecordCount)} users", Format.Seconds(measured.Seconds))
                .Add($"{label}: GraphQL requests", Format.Count(measured.Requests))
                .Add($"{label}: time per user", Format.Seconds(measured.Seconds / settings.PerRecordCount));
        }

        double extrapolated = rest.Seconds / settings.PerRecordCount * settings.CreateCount;
        double speedup = extrapolated / pipeline.Seconds;
        report.Add($"per-record Invoke-RestMethod: extrapolated to {Format.Count(settings.CreateCount)} users", Format.Seconds(extrapolated))
            .Add("speed-up (Invoke-RestMethod loop extrapolated ÷ pipeline)", Format.Ratio(speedup))
            .Add("speed-up (Invoke-TotaraGraphQL loop extrapolated ÷ pipeline)", Format.Ratio(loop.Seconds / settings.PerRecordCount * settings.CreateCount / pipeline.Seconds))
            .Goal("pipeline ≥ 20× faster than per-record", speedup >= 20, Format.Ratio(speedup))
            .Goal("every user a member afterwards", pipeline.Members == settings.CreateCount, $"{Format.Count(pipeline.Members)} of {Format.Count(settings.CreateCount)}")
            .Note("The pipeline tests every user's membership first (batched core_cohort_is_user_member queries), then sends batched core_cohort_add_cohort_member mutations for the non-members only, so each result says exactly Added or AlreadyMember. Usernames are piped as strings (tried as a username first), from an array built before the clock starts, as if read from a file.")
            .Note($"The per-record baseline is what an admin writes without this module: a token fetched once, then one Invoke-RestMethod (one core_cohort_add_cohort_member request) per user; the same loop with Invoke-TotaraGraphQL is shown beside it. Both run on {Format.Count(settings.PerRecordCount)} users and extrapolated linearly. Each side has its own fresh emulator with the users seeded and one empty static audience (Totara's default limits), and is warmed up by adding one user to another audience first.");
        return report;
    }

    private static async Task<Measurement> MeasureAsync(EmulatorOptions options, int count, string prefix, string script, string what)
    {
        await using var site = await BenchSite.StartAsync(options);
        site.Seed(prefix, count);
        var cohort = site.Host.State.Cohorts.Add("Benchmark audience", "BENCH-AUD");
        // One user into another audience first, so both sides are measured warm (code paths compiled, token held).
        site.Host.State.Cohorts.Add("Warm-up audience", "WARM-AUD");
        site.Shell.Run(SetNames, 1, prefix).ThrowOnErrors("naming the users");
        site.Shell.Run(script, "WARM-AUD").ThrowOnErrors(what + " (warm-up)");
        site.Shell.Run(SetNames, count, prefix).ThrowOnErrors("naming the users");
        site.Counters.Reset();

        var watch = Stopwatch.StartNew();
        var result = site.Shell.Run(script, "BENCH-AUD");
        double seconds = watch.Elapsed.TotalSeconds;
        result.ThrowOnErrors(what);
        return new Measurement(seconds, result.Value<int>("Added"), site.Host.State.Cohorts.MemberCount(cohort.Id),
            site.Counters.Requests, site.Counters.MutationsExecuted, site.Counters.PointsSpent);
    }

    private sealed record Measurement(double Seconds, int Reported, int Members, long Requests, long Mutations, long Points);
}

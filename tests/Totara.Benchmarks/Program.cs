using System.Diagnostics;
using Totara.Benchmarks.Hosting;
using Totara.Benchmarks.Reporting;
using Totara.Benchmarks.Scenarios;

// dotnet run -c Release --project tests/Totara.Benchmarks [-- --scenario N] [--quick] [--resolver-latency-ms N]
// The full run (every scenario, full sizes) writes its figures into docs/performance.md.

bool quick = args.Contains("--quick");
var scenarios = new Dictionary<int, Func<BenchSettings, Task<ScenarioReport>>>
{
    [1] = CreateScenario.RunAsync,
    [2] = RateLimitedScenario.RunAsync,
    [3] = ListScenario.RunAsync,
    [4] = UpdateScenario.RunAsync,
    [5] = AudienceScenario.RunAsync,
    [6] = PlanScenario.RunAsync,
    [7] = SyncScenario.RunAsync,
    [8] = ConvergenceScenario.RunAsync,
    [9] = FailingCreateScenario.RunAsync,
    [10] = SeveralClientsScenario.RunAsync,
    [11] = DeltaSyncScenario.RunAsync,
};
// Scenarios 10 and 11 run only when asked (--scenario 10, --scenario 11): each spends several budgets of
// Totara's real-time rate window at 100,000 users (about 16 and 40 minutes).
var askedOnly = new HashSet<int> { 10, 11 };
var chosen = new List<int>();
int resolverLatencyMs = 0;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--resolver-latency-ms" && i + 1 < args.Length && int.TryParse(args[i + 1], out int latency) && latency >= 0)
    {
        // Server time per root field, as a real site spends in PHP and the database.
        resolverLatencyMs = latency;
        i++;
    }
    else if (args[i] == "--scenario" && i + 1 < args.Length && int.TryParse(args[i + 1], out int number) && scenarios.ContainsKey(number))
    {
        chosen.Add(number);
        i++;
    }
    else if (args[i] != "--quick")
    {
        Console.Error.WriteLine($"Unknown argument '{args[i]}'. Usage: [--scenario {scenarios.Keys.Min()}..{scenarios.Keys.Max()}]... [--quick] [--resolver-latency-ms N]");
        return 2;
    }
}

var settings = (quick ? BenchSettings.Quick : BenchSettings.Full) with { ResolverLatencyMs = resolverLatencyMs };
var toRun = chosen.Count > 0 ? chosen.Distinct().Order().ToList() : scenarios.Keys.Where(n => !askedOnly.Contains(n)).ToList();

var started = DateTime.UtcNow;
string loadAtStart = MachineInfo.LoadAverage();
Console.WriteLine($"Totara.PowerShell benchmarks ({(quick ? "quick" : "full")}): {MachineInfo.Cores} cores, {MachineInfo.Memory}, {MachineInfo.OperatingSystem}, {MachineInfo.DotNet}, load {loadAtStart}");
Console.WriteLine($"Module: {RepoPaths.ModuleManifest}");
Console.WriteLine($"Server time per root field (emulator): {resolverLatencyMs} ms");
#if DEBUG
Console.WriteLine("WARNING: a Debug build; figures are for a Release build (-c Release).");
#endif

var total = Stopwatch.StartNew();
var reports = new List<ScenarioReport>();
foreach (int number in toRun)
{
    var report = await scenarios[number](settings);
    report.Print(Console.Out);
    reports.Add(report);
}

string loadAtEnd = MachineInfo.LoadAverage();
Console.WriteLine($"\nDone in {total.Elapsed.TotalMinutes:0.0} min (load {loadAtEnd}).");
if (!quick && chosen.Count == 0 && resolverLatencyMs == 0)
{
    var run = new RunInfo(started, total.Elapsed, "dotnet run -c Release --project tests/Totara.Benchmarks", loadAtStart, loadAtEnd);
    string performanceDoc = Path.Combine(RepoPaths.DocsFolder, "performance.md");
    PerformanceDocument.Write(performanceDoc, reports, run);
    Console.WriteLine($"Figures written to {performanceDoc}.");
}
return 0; // figures, not pass/fail: goals missed are reported, not failed

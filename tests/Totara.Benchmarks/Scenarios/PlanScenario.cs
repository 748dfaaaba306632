using System.Diagnostics;
using Totara.Benchmarks.Reporting;
using Totara.Sync;

namespace Totara.Benchmarks.Scenarios;

/// <summary>
/// Scenario 6: Invoke-TotaraSync's validate and plan phases, run in-process on the engine
/// (SourceValidator, SyncPlanner) for N source rows against N site users, at growing N, to show
/// that planning is linear (hash joins) and fast enough for a 100,000-user site.
/// </summary>
internal static class PlanScenario
{
    private const int Repeats = 5, WarmUps = 40, WarmUpSize = 1_000;

    public static Task<ScenarioReport> RunAsync(BenchSettings settings)
    {
        var sizes = settings.PlanSizes;
        int largest = sizes.Max(), smallest = sizes.Min();
        var report = new ScenarioReport(6, $"Plan a sync in-process: N source rows against N site users, N = {string.Join(", ", sizes.Select(n => Format.Count(n)))}");

        // Many small runs first, so no measurement pays for JIT compilation: tiered compilation
        // replaces a method's first, quick code only after 30 calls, on a background thread (given
        // a moment to finish, on a busy machine).
        var warmUp = PlanData.Build(WarmUpSize);
        for (int i = 0; i < WarmUps; i++) Measure(warmUp);
        Thread.Sleep(1000);

        var perRow = new Dictionary<int, double>();
        foreach (int n in sizes)
        {
            var data = PlanData.Build(n);
            var runs = Enumerable.Range(0, Repeats).Select(_ => Measure(data)).OrderBy(m => m.Total).ToList();
            var median = runs[Repeats / 2];
            perRow[n] = median.Total / n;
            report.Add($"N = {Format.Count(n)}: validate + plan (median of {Repeats})", Format.Seconds(median.Total))
                .Add($"N = {Format.Count(n)}: of which validate / plan", $"{Format.Seconds(median.Validate)} / {Format.Seconds(median.Plan)}")
                .Add($"N = {Format.Count(n)}: time per row", $"{median.Total / n * 1e6:0.0} µs")
                .Add($"N = {Format.Count(n)}: allocated while planning", Format.Megabytes(median.AllocatedBytes))
                .Add($"N = {Format.Count(n)}: planned creates / updates / suspensions / unchanged",
                    $"{Format.Count(median.Creates)} / {Format.Count(median.Updates)} / {Format.Count(median.Suspends)} / {Format.Count(median.Unchanged)}");
            if (median.Creates != data.ExpectedCreates || median.Updates != data.ExpectedUpdates || median.Suspends != data.ExpectedSuspends || median.Problems != 0)
                report.Note($"N = {Format.Count(n)}: the plan differs from the data's design (expected {data.ExpectedCreates} creates, {data.ExpectedUpdates} updates, {data.ExpectedSuspends} suspensions, no refused rows; got {median.Problems} refused).");
        }

        // The cost each added row brings between two sizes: flat when planning is linear, whatever
        // fixed cost a call has (which makes the time per row at small N look higher).
        var ordered = sizes.OrderBy(n => n).ToList();
        for (int k = 1; k < ordered.Count; k++)
        {
            int a = ordered[k - 1], b = ordered[k];
            double marginal = (perRow[b] * b - perRow[a] * a) / (b - a);
            report.Add($"time per added row from N = {Format.Count(a)} to {Format.Count(b)}", $"{marginal * 1e6:0.0} µs");
        }

        double ratio = perRow[largest] / perRow[smallest];
        double largestSeconds = perRow[largest] * largest;
        report.Add($"time per row: N = {Format.Count(largest)} ÷ N = {Format.Count(smallest)}", $"{ratio:0.00}×")
            .Goal($"validate + plan {Format.Count(largest)} rows against {Format.Count(largest)} users < 10 s", largestSeconds < 10, Format.Seconds(largestSeconds))
            .Goal($"linear: time per row at {Format.Count(largest)} ≤ 2× that at {Format.Count(smallest)}", ratio <= 2, $"{ratio:0.00}×")
            .Note($"The engine itself (Totara.Sync's SourceValidator.Validate, then SyncPlanner.Plan), as Invoke-TotaraSync runs it once the site has been read: no HTTP and no PowerShell. Times are the median of {Repeats} runs per N after {WarmUps} warm-up runs of {Format.Count(WarmUpSize)} rows, with a full garbage collection before each; the rows and site users are built before the clock starts.")
            .Note("The data: N site users (idnumber, username, email, first and last name, department, city, country) and N source rows with the same columns. Of the rows, every 10th changes its department and every 20th (offset 5) its email (15% updates); 2% are new users (creates); 2% of the site's users are missing from the source, which is complete (-SourceIsComplete, so they are suspended: within the 5% guard). Matching on idnumber.")
            .Note($"Linear means the time per row stays flat as N grows; a per-row lookup of the site (O(N²)) would make the time per row {largest / smallest}× larger at {Format.Count(largest)} than at {Format.Count(smallest)}. The 2× allowance is for the bigger hash tables' cache misses and garbage collections, which grow slightly faster than N. The time per added row between two sizes shows the linear part alone (a fixed cost per call does not count in it); on a loaded machine each figure carries a few milliseconds of noise.");
        return Task.FromResult(report);
    }

    private static Measurement Measure(PlanData data)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var options = new SyncOptions { SourceIsComplete = true, MissingUserAction = MissingUserAction.Suspend };
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var validation = SourceValidator.Validate(data.Rows, options);
        double validate = watch.Elapsed.TotalSeconds;
        var plan = SyncPlanner.Plan(validation, data.Site, options);
        double total = watch.Elapsed.TotalSeconds;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new Measurement(total, validate, total - validate, allocated,
            plan.Count(SyncAction.Create), plan.Count(SyncAction.Update), plan.Count(SyncAction.Suspend), plan.Unchanged,
            validation.Problems.Count + plan.Problems.Count);
    }

    private sealed record Measurement(double Total, double Validate, double Plan, long AllocatedBytes,
        int Creates, int Updates, int Suspends, int Unchanged, int Problems);
}

/// <summary>N site users and N source rows: mostly equal, some changed, some new, some missing.</summary>
internal sealed class PlanData
{
    private PlanData(List<SourceUser> rows, List<SiteUser> site, int creates, int updates, int suspends)
    {
        Rows = rows;
        Site = site;
        ExpectedCreates = creates;
        ExpectedUpdates = updates;
        ExpectedSuspends = suspends;
    }

    public List<SourceUser> Rows { get; }
    public List<SiteUser> Site { get; }
    public int ExpectedCreates { get; }
    public int ExpectedUpdates { get; }
    public int ExpectedSuspends { get; }

    public static PlanData Build(int n)
    {
        int changing = n / 50; // 2% new, and 2% missing
        var site = new List<SiteUser>(n + 1) { new SiteUser(2).Set("username", "admin").Set("email", "admin@example.com") };
        var rows = new List<SourceUser>(n);
        int updates = 0;
        for (int i = 0; i < n; i++)
        {
            string id = "E" + i.ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);
            var user = new SiteUser(i + 10);
            Fill((f, v) => user.Set(f, v), id, $"u{i}", $"u{i}@example.com", i, $"D{i % 50}");
            site.Add(user);
            if (i >= n - changing) continue; // missing from the source

            bool moves = i % 10 == 0, newEmail = i % 20 == 5;
            if (moves || newEmail) updates++;
            var row = new SourceUser(rows.Count + 1);
            Fill((f, v) => row.Set(f, v), id, $"u{i}", newEmail ? $"u{i}@new.example.com" : $"u{i}@example.com", i, moves ? $"Moved {i % 7}" : $"D{i % 50}");
            rows.Add(row);
        }
        for (int i = 0; i < changing; i++)
        {
            var row = new SourceUser(rows.Count + 1);
            Fill((f, v) => row.Set(f, v), "N" + i, $"n{i}", $"n{i}@example.com", i, "New starters");
            rows.Add(row);
        }
        return new PlanData(rows, site, changing, updates, changing);
    }

    private static void Fill(Action<string, string> set, string idNumber, string username, string email, int i, string department)
    {
        set("idnumber", idNumber);
        set("username", username);
        set("email", email);
        set("firstname", "First" + (i % 97));
        set("lastname", "Last" + i);
        set("department", department);
        set("city", "City " + (i % 200));
        set("country", "NZ");
    }
}

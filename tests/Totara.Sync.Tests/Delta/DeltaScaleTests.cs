using Totara.Sync.Tests.Support;

namespace Totara.Sync.Tests.Delta;

/// <summary>A delta run that reads hundreds of changed rows by id, with their job assignments, in batched requests under the complexity limit.</summary>
public sealed class DeltaScaleTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "delta-scale-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static List<SourceUser> Rows(int count, int changeEvery) => Enumerable.Range(1, count).Select(i =>
    {
        var row = new SourceUser(i).Set("idnumber", $"S{i}").Set("username", $"s{i}").Set("email", $"s{i}@example.com")
            .Set("firstname", "Sam").Set("lastname", $"Row {i}").Set("department", changeEvery > 0 && i % changeEvery == 0 ? "Moved" : "Sales");
        row.Audiences = new[] { "Staff" };
        row.Job = new SourceJob { IdNumber = $"SJ{i}", FullName = $"Job {i}", ManagerIdNumber = i > 10 ? $"S{i / 10}" : "" };
        return row;
    }).ToList();

    [Fact]
    public async Task A_delta_run_reads_many_changed_rows_with_their_jobs_in_batches()
    {
        var clock = new ManualClock();
        await using var site = await SyncSite.StartAsync(clock, _folder, "Staff");
        var options = new SyncOptions { StatePath = site.StatePath, Clock = clock, ServiceAccount = "svc_sync" };
        await site.SyncAsync(Rows(1200, 0), options);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty((await site.SyncAsync(Rows(1200, 0), options)).Changes);
        clock.Advance(TimeSpan.FromHours(1));

        var plan = await site.SyncAsync(Rows(1200, 5), options);

        Assert.Equal(SyncRunKind.Delta, plan.Run.Kind);
        Assert.Equal(240, plan.Count(SyncAction.Update));
        Assert.All(plan.Changes, c => Assert.Equal(SyncOutcome.Applied, c.Outcome));
    }
}

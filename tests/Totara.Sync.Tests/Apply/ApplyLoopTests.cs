using Totara.Client;
using Totara.Emulator;
using static Totara.Sync.Tests.Support.Rows;

namespace Totara.Sync.Tests.Apply;

/// <summary>
/// The one apply loop (<see cref="SyncEngine.ApplyAsync"/>, <see cref="BatchScheduler"/>): batches in
/// flight together, handed on in plan order, and the rules of a stop.
/// </summary>
public sealed class ApplyLoopTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;
    private TotaraClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions());
        _host.AddClient("loop", "loop-secret");
        // A small complexity limit cuts a few dozen changes into several batches.
        _client = new TotaraClient(new TotaraClientOptions(_host.Url, TotaraCredential.FromClientCredentials("loop", "loop-secret"))
        {
            MaxComplexity = 200, TransientBaseDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(100),
        });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public void Consecutive_user_batches_of_one_action_go_together_up_to_the_limit_and_the_others_alone()
    {
        var batches = new List<List<SyncChange>>
        {
            Batch(SyncAction.Update), Batch(SyncAction.Update), Batch(SyncAction.Update),
            Batch(SyncAction.Suspend),
            Batch(SyncAction.AddMember, SyncRecordType.AudienceMember), Batch(SyncAction.AddMember, SyncRecordType.AudienceMember),
            Batch(SyncAction.CreateJobAssignment, SyncRecordType.JobAssignment), Batch(SyncAction.CreateJobAssignment, SyncRecordType.JobAssignment),
            Batch(SyncAction.Delete), Batch(SyncAction.Delete),
        };

        var sizes = new List<int>();
        for (var start = 0; start < batches.Count; start += sizes[^1]) sizes.Add(BatchScheduler.Group(batches, start, limit: 2).Count);

        // Updates two by two (the limit), a different action starts a new group; memberships, job
        // assignments and deletions write state or depend on order, so they go one by one.
        Assert.Equal(new[] { 2, 1, 1, 1, 1, 1, 1, 1, 1 }, sizes);
        Assert.Equal(3, BatchScheduler.Group(batches, 0, limit: 8).Count);
    }

    [Fact]
    public async Task Independent_user_batches_are_in_flight_together_and_handed_on_in_plan_order()
    {
        var rows = Enumerable.Range(1, 40).Select(i => Row($"E{i:00}")).ToList();
        await SyncAsync(rows, new SyncOptions());
        foreach (var row in rows) row.Set("department", "Moved");
        _host.Switches.ResolverLatencyMs = 50;
        _host.Counters.Reset();

        using var engine = new SyncEngine(_client, new SyncOptions());
        var plan = await engine.PlanAsync(rows, engine.Validate(rows));
        var handed = new List<IReadOnlyList<SyncChange>>();
        Assert.True(await engine.ApplyAsync(plan, handed.Add));

        Assert.True(handed.Count >= 2, $"{handed.Count} batch(es)");
        Assert.Equal(plan.Changes.Select(c => c.Key), handed.SelectMany(b => b).Select(c => c.Key));
        Assert.All(plan.Changes, c => Assert.Equal(SyncOutcome.Applied, c.Outcome));
        Assert.True(_host.Counters.PeakRequestsInFlight >= 2, $"at most {_host.Counters.PeakRequestsInFlight} request(s) were in flight");
        Assert.Equal(40, _host.Counters.MutationsExecuted);
    }

    [Fact]
    public async Task A_stop_lets_the_batch_in_flight_finish_skips_the_rest_and_saves_the_memberships_applied()
    {
        var sales = _host.State.Cohorts.Add("Sales", "SALES");
        var rows = Enumerable.Range(1, 40).Select(i => Row($"M{i:00}")).ToList();
        await SyncAsync(rows, new SyncOptions());
        foreach (var row in rows) row.Audiences = new[] { "SALES" };
        var path = Path.Combine(Path.GetTempPath(), "sync-loop-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            using var engine = new SyncEngine(_client, new SyncOptions { CohortMode = CohortMode.Exact, StatePath = path });
            var plan = await engine.PlanAsync(rows, engine.Validate(rows));
            using var stop = new CancellationTokenSource();
            var handed = new List<IReadOnlyList<SyncChange>>();

            var finished = await engine.ApplyAsync(plan, batch => { handed.Add(batch); stop.Cancel(); }, stop.Token);

            Assert.False(finished);
            var first = Assert.Single(handed);
            Assert.All(first, c => Assert.Equal((SyncAction.AddMember, SyncOutcome.Applied), (c.Action, c.Outcome)));
            Assert.All(plan.Changes.Skip(first.Count), c => Assert.Equal(SyncOutcome.Skipped, c.Outcome));
            Assert.Equal(first.Count, _host.State.Cohorts.MemberCount(sales.Id));
            // The state file holds what was applied, and the delta record of the run (Finish) was written.
            var state = SyncStateFile.Load(path, _host.Url);
            Assert.Equal(first.Count, state.Added.Count);
            Assert.NotNull(state.Delta);
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".lock");
        }
    }

    [Fact]
    public async Task Batches_in_flight_that_outlast_the_grace_after_a_stop_are_abandoned_and_the_rest_skipped()
    {
        var rows = Enumerable.Range(1, 40).Select(i => Row($"A{i:00}")).ToList();
        using var engine = new SyncEngine(_client, new SyncOptions()) { StopGrace = TimeSpan.FromMilliseconds(100) };
        var plan = await engine.PlanAsync(rows, engine.Validate(rows));
        using var stop = new CancellationTokenSource();
        _host.Switches.LatencyMs = 5_000;
        try
        {
            // ApplyAsync returns at its first wait: the first batches are in flight by then.
            var applying = engine.ApplyAsync(plan, stop: stop.Token);
            stop.Cancel();

            var abandoned = await Assert.ThrowsAsync<SyncAbandonedException>(() => applying);

            Assert.Equal(TimeSpan.FromMilliseconds(100), abandoned.Grace);
            Assert.NotEmpty(abandoned.InFlight);
            Assert.Equal(plan.Changes.Take(abandoned.InFlight.Count), abandoned.InFlight);
            Assert.All(abandoned.InFlight, c => Assert.Equal(SyncOutcome.Planned, c.Outcome));
            Assert.NotEmpty(plan.Changes.Skip(abandoned.InFlight.Count));
            Assert.All(plan.Changes.Skip(abandoned.InFlight.Count), c => Assert.Equal(SyncOutcome.Skipped, c.Outcome));
        }
        finally
        {
            _host.Switches.LatencyMs = 0;
        }
    }

    private async Task SyncAsync(IReadOnlyList<SourceUser> rows, SyncOptions options)
    {
        using var engine = new SyncEngine(_client, options);
        Assert.True(await engine.ApplyAsync(await engine.PlanAsync(rows, engine.Validate(rows))));
    }

    private static List<SyncChange> Batch(SyncAction action, SyncRecordType type = SyncRecordType.User) =>
        new() { new SyncChange(action, type, "K", "test") };
}

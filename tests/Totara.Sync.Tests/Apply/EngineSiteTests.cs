using Totara.Client;
using Totara.Emulator;
using static Totara.Sync.Tests.Support.Rows;

namespace Totara.Sync.Tests.Apply;

/// <summary>The engine against the in-process emulator, without PowerShell.</summary>
public sealed class EngineSiteTests : IAsyncLifetime
{
    private EmulatorHost _host = null!;
    private TotaraClient _client = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorHost.StartAsync(new EmulatorOptions());
        _host.AddClient("engine", "engine-secret");
        _client = new TotaraClient(new TotaraClientOptions(_host.Url, TotaraCredential.FromClientCredentials("engine", "engine-secret"))
        {
            TransientBaseDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(100),
        });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<SyncPlan> RunAsync(IReadOnlyList<SourceUser> rows, SyncOptions options, bool apply = true)
    {
        using var engine = new SyncEngine(_client, options);
        var validation = engine.Validate(rows);
        var plan = await engine.PlanAsync(rows, validation);
        if (apply) Assert.True(await engine.ApplyAsync(plan));
        return plan;
    }

    [Fact]
    public async Task Plans_applies_and_converges_in_batches_larger_than_one_request()
    {
        var rows = Enumerable.Range(1, 450).Select(i => Row($"B{i:000}")).ToList();

        var first = await RunAsync(rows, new SyncOptions());
        Assert.Equal(450, first.Count(SyncAction.Create));
        Assert.All(first.Changes, c => Assert.Equal(SyncOutcome.Applied, c.Outcome));
        Assert.True(_host.Counters.MutationsExecuted >= 450);

        rows[7].Set("department", "Moved");
        var second = await RunAsync(rows, new SyncOptions());
        var change = Assert.Single(second.Changes);
        Assert.Equal(("B008", "department"), (change.Key, change.Fields.Single().Field));

        var third = await RunAsync(rows, new SyncOptions(), apply: false);
        Assert.Empty(third.Changes);
        Assert.Equal(450, third.Unchanged);
    }

    [Fact]
    public async Task A_value_the_site_stores_without_its_markup_settles_and_is_reported_once()
    {
        // Totara shows firstname in PLAIN form (format_string, then html_to_text): tags gone.
        var rows = new List<SourceUser> { Row("MARKUP1") };
        rows[0].Set("firstname", "<script>alert(1)</script>");
        rows[0].Set("department", "R&amp;D <b>West</b>");

        await RunAsync(rows, new SyncOptions());
        var second = await RunAsync(rows, new SyncOptions(), apply: false);

        Assert.Empty(second.Changes);
        Assert.Equal(new[] { ("firstname", "alert(1)"), ("department", "R&D West") },
            second.RewrittenValues.Select(r => (r.Field, r.Stored)).OrderBy(f => f.Field == "department").ToArray());
        Assert.All(second.RewrittenValues, r => Assert.Equal(rows[0].RowNumber, r.RowNumber));
    }

    [Fact]
    public async Task A_password_the_site_policy_refuses_is_that_rows_error_and_the_others_are_created()
    {
        var weak = Row("PW1");
        weak.Password = "weak";
        var strong = Row("PW2");
        strong.Password = "Str0ng-Passw0rd";
        var generated = Row("PW3");

        using var engine = new SyncEngine(_client, new SyncOptions());
        var plan = await engine.PlanAsync(new[] { weak, strong, generated }, engine.Validate(new[] { weak, strong, generated }));
        await engine.ApplyAsync(plan);

        var failed = Assert.Single(plan.Changes, c => c.Outcome == SyncOutcome.Failed);
        Assert.Equal("PW1", failed.Key);
        Assert.Contains("Passwords must", failed.Error);
        Assert.Equal(2, plan.Changes.Count(c => c.Outcome == SyncOutcome.Applied));
        Assert.NotNull(_host.State.Users.GetByUsername("pw2"));
        Assert.DoesNotContain(plan.Changes.SelectMany(c => c.Fields), f => f.NewValue == "Str0ng-Passw0rd");
    }

    // Totara refuses any update carrying suspended for the site admin, even false (user_update_user), so
    // an update sends suspended only when it changes. (Admin and guest rows are never synced at all.)
    [Fact]
    public async Task An_update_never_carries_suspended_when_the_suspension_does_not_change()
    {
        var row = Row("SU1");
        row.Suspended = false;
        row.HasSuspendedColumn = true;
        await RunAsync(new[] { row }, new SyncOptions());

        row.Set("department", "IT");
        var plan = await RunAsync(new[] { row }, new SyncOptions());

        var change = Assert.Single(plan.Changes);
        Assert.Equal((SyncAction.Update, SyncOutcome.Applied), (change.Action, change.Outcome));
        Assert.DoesNotContain("suspended", change.UserChange!.SetFields);
        Assert.Equal("IT", _host.State.Users.GetByUsername("su1")!.Department);
    }

    [Fact]
    public async Task A_stop_between_batches_skips_the_rest_and_a_rerun_finishes_without_duplicates()
    {
        var rows = Enumerable.Range(1, 300).Select(i => Row($"S{i:000}")).ToList();
        var engine = new SyncEngine(_client, new SyncOptions());
        var plan = await engine.PlanAsync(rows, engine.Validate(rows));
        using var stop = new CancellationTokenSource();

        var finished = await engine.ApplyAsync(plan, _ => stop.Cancel(), stop.Token);

        Assert.False(finished);
        var applied = plan.Changes.Count(c => c.Outcome == SyncOutcome.Applied);
        Assert.InRange(applied, 1, 299);
        Assert.All(plan.Changes.Skip(applied), c => Assert.Equal(SyncOutcome.Skipped, c.Outcome));

        var rerun = await RunAsync(rows, new SyncOptions());
        Assert.Equal(300 - applied, rerun.Count(SyncAction.Create));
        Assert.Equal(300, _host.State.Users.Snapshot(u => (u.IdNumber ?? "").StartsWith("S")).Count);
    }

    [Fact]
    public async Task The_guard_is_checked_again_before_applying()
    {
        for (var i = 0; i < 5; i++) await RunAsync(new[] { Row($"G{i}") }, new SyncOptions());
        var options = new SyncOptions { SourceIsComplete = true };

        var plan = await RunAsync(new[] { Row("G0") }, options, apply: false);

        await Assert.ThrowsAsync<SyncGuardException>(() => new SyncEngine(_client, options).ApplyAsync(plan));
        Assert.All(_host.State.Users.Snapshot(u => (u.IdNumber ?? "").StartsWith("G")), u => Assert.False(u.Suspended));
    }

    [Fact]
    public async Task A_membership_of_an_audience_deleted_since_is_forgotten_not_fatal()
    {
        var user = await RunAsync(new[] { Row("D1") }, new SyncOptions());
        var id = user.Changes.Single().UserId!.Value;
        var path = Path.Combine(Path.GetTempPath(), "sync-gone-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            SyncStateFile.Save(new SyncState(_host.Url, new[] { new Membership(999, id) }), path);
            var row = Row("D1");
            row.Audiences = Array.Empty<string>();

            // Erase: the empty Audiences cell means "in none", so the recorded membership is in question.
            var plan = await RunAsync(new[] { row }, new SyncOptions { CohortMode = CohortMode.Exact, StatePath = path, EmptyFieldAction = EmptyFieldAction.Erase });

            Assert.Empty(plan.Changes);
            Assert.Empty(SyncStateFile.Load(path, _host.Url).Added);
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".lock");
        }
    }

    [Fact]
    public async Task An_exact_mode_removal_names_its_audience_even_when_no_row_names_one()
    {
        var sales = _host.State.Cohorts.Add("Sales", "SALES");
        var path = Path.Combine(Path.GetTempPath(), "sync-names-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var exact = new SyncOptions { CohortMode = CohortMode.Exact, StatePath = path, EmptyFieldAction = EmptyFieldAction.Erase, MaxRemovals = RemovalLimit.Count(1) };
            var row = Row("N1");
            row.Audiences = new[] { "SALES" };
            await RunAsync(new[] { row }, exact);
            Assert.Equal(1, _host.State.Cohorts.MemberCount(sales.Id));

            row.Audiences = Array.Empty<string>();   // an empty cell: with Erase, in no audience
            var plan = await RunAsync(new[] { row }, exact);

            var removal = Assert.Single(plan.Changes);
            Assert.Equal((SyncAction.RemoveMember, "Sales (SALES)"), (removal.Action, removal.Audience));
            Assert.Equal(0, _host.State.Cohorts.MemberCount(sales.Id));
        }
        finally
        {
            File.Delete(path);
            File.Delete(path + ".lock");
        }
    }

    [Theory]
    [InlineData(SyncMatchOn.Username, MissingUserAction.Suspend)]
    [InlineData(SyncMatchOn.Email, MissingUserAction.Delete)]
    public async Task The_client_s_own_service_account_is_skipped_not_failed_when_the_session_does_not_name_it(SyncMatchOn matchOn, MissingUserAction action)
    {
        // The emulator's client acts as api_service; the options do not name it (no -ServiceAccount).
        var options = new SyncOptions { MatchOn = matchOn, SourceIsComplete = true, MissingUserAction = action, Force = true };

        var plan = await RunAsync(new[] { Row("O1") }, options);

        var own = Assert.Single(plan.Changes, c => c.Username == "api_service");
        Assert.Equal(SyncOutcome.Skipped, own.Outcome);
        Assert.Contains("the API client's own service account", own.Error);
        Assert.DoesNotContain(plan.Changes, c => c.Outcome == SyncOutcome.Failed);
        Assert.NotNull(_host.State.Users.GetByUsername("api_service"));
        Assert.False(_host.State.Users.GetByUsername("api_service")!.Suspended);
    }

    [Fact]
    public async Task Updates_ask_back_only_the_id_so_they_spend_the_fewest_complexity_points()
    {
        var rows = Enumerable.Range(1, 100).Select(i => Row($"P{i:000}")).ToList();
        await RunAsync(rows, new SyncOptions());
        foreach (var row in rows) row.Set("lastname", "Changed");

        var engine = new SyncEngine(_client, new SyncOptions());
        var plan = await engine.PlanAsync(rows, engine.Validate(rows));
        _host.Counters.Reset();
        Assert.True(await engine.ApplyAsync(plan));

        // An update answering `user { id }` costs what Set-TotaraUser's does; the default view's
        // seven fields cost more than twice that and brought a 10,000-user sync to the rate limit.
        Assert.Equal(100, plan.Count(SyncAction.Update));
        Assert.Equal(100, _host.Counters.MutationsExecuted);
        Assert.InRange(_host.Counters.PointsSpent, 1, 100 * 12);
    }

    [Fact]
    public async Task Job_assignment_changes_ask_back_only_the_id()
    {
        var rows = Enumerable.Range(1, 50).Select(i => Row($"Q{i:000}")).ToList();
        await RunAsync(rows, new SyncOptions());
        foreach (var (row, i) in rows.Select((r, i) => (r, i))) row.Job = new SourceJob { IdNumber = $"QJ{i}", FullName = "Clerk" };

        var engine = new SyncEngine(_client, new SyncOptions());
        var plan = await engine.PlanAsync(rows, engine.Validate(rows));
        _host.Counters.Reset();
        Assert.True(await engine.ApplyAsync(plan));

        // `job_assignment { id }`: 10 for the mutation, 2 for the answer; the full view would cost 46 a create.
        Assert.Equal(50, plan.Count(SyncAction.CreateJobAssignment));
        Assert.InRange(_host.Counters.PointsSpent, 1, 50 * 12);
    }
}

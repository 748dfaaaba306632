namespace Totara.Sync.Tests.Delta;

/// <summary>When a run is full and when it is a delta one, and the reason the summary gives.</summary>
public sealed class RunKindTests
{
    private static readonly Uri Site = new("https://learn.example.com/");
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    private static SyncState State(Action<DeltaState>? change = null)
    {
        var delta = new DeltaState { Client = "hr", Rules = "R", LastFullRun = Now.AddDays(-2), SiteReadAt = Now.AddHours(-1) };
        change?.Invoke(delta);
        return new SyncState(Site) { Delta = delta, FormatRead = 2 };
    }

    private static SyncRunDecision Decide(SyncState? state, SyncOptions? options = null) =>
        RunKindDecider.Decide(options ?? new SyncOptions { StatePath = "state.json" }, state, "hr", "R", Now);

    [Fact]
    public void A_recent_state_of_the_same_client_and_rules_gives_a_delta_run()
    {
        var decision = Decide(State());
        Assert.Equal(SyncRunKind.Delta, decision.Kind);
        Assert.Contains("users modified since 2026-12-03 07:55:00Z", decision.Reason);
    }

    [Fact]
    public void Full_is_forced_by_the_switch() => Assert.Equal("-Full was given.", Decide(State(), new SyncOptions { StatePath = "s", Full = true }).Reason);

    [Fact]
    public void Without_a_state_file_every_run_is_full() => Assert.StartsWith("no -StatePath", Decide(null, new SyncOptions()).Reason);

    [Fact]
    public void A_missing_state_file_gives_a_full_run() => Assert.Equal("the state file does not exist yet.", Decide(new SyncState(Site)).Reason);

    [Fact]
    public void A_format_1_file_has_no_record_to_compare_with() =>
        Assert.Contains("format 1", Decide(new SyncState(Site) { FormatRead = 1 }).Reason);

    [Fact]
    public void Another_client_gives_a_full_run() => Assert.Contains("API client 'payroll'", Decide(State(d => d.Client = "payroll")).Reason);

    [Fact]
    public void Other_options_or_columns_give_a_full_run() => Assert.Contains("options or the source's columns changed", Decide(State(d => d.Rules = "other")).Reason);

    [Fact]
    public void A_last_full_run_older_than_FullAfter_gives_a_full_run()
    {
        var decision = Decide(State(d => d.LastFullRun = Now.AddDays(-8)));
        Assert.Equal(SyncRunKind.Full, decision.Kind);
        Assert.Contains("more than -FullAfter (7 days) ago", decision.Reason);
        Assert.Equal(SyncRunKind.Delta, Decide(State(d => d.LastFullRun = Now.AddDays(-8)), new SyncOptions { StatePath = "s", FullAfter = TimeSpan.FromDays(10) }).Kind);
    }

    [Fact]
    public void A_clock_behind_the_last_read_gives_a_full_run() => Assert.Contains("behind", Decide(State(d => d.SiteReadAt = Now.AddHours(1))).Reason);

    [Fact]
    public void The_delta_section_survives_a_save_and_a_load()
    {
        var folder = Path.Combine(Path.GetTempPath(), "delta-state-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(folder, "state.json");
            var state = State(d =>
            {
                d.Rows["E1"] = "abc";
                d.Rows["E2"] = null;
                d.Users[7] = new KnownUser("E1", "ann", "E1");
                d.Recheck.Add(7);
            });
            state.Add(new Membership(3, 7));
            SyncStateFile.Save(state, path);

            var loaded = SyncStateFile.Load(path, Site);

            Assert.Equal(2, loaded.FormatRead);
            var delta = loaded.Delta!;
            Assert.Equal(("hr", "R", Now.AddDays(-2), Now.AddHours(-1)), (delta.Client, delta.Rules, delta.LastFullRun, delta.SiteReadAt));
            Assert.Equal("abc", delta.Rows["e1"]);
            Assert.Null(delta.Rows["E2"]);
            Assert.Equal(("E1", "ann", "E1"), (delta.Users[7].Key, delta.Users[7].Username, delta.Users[7].IdNumber));
            Assert.Equal(new long[] { 7 }, delta.Recheck);
            Assert.Equal(new[] { new Membership(3, 7) }, loaded.Added);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }
}

using static Totara.PowerShell.Tests.Sync.SyncSite;

namespace Totara.PowerShell.Tests.Sync;

/// <summary>Audiences: Add and Exact across runs, the state file, and a run after a crash.</summary>
public sealed class SyncAudienceTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "totara-sync-" + Guid.NewGuid().ToString("N"));

    public SyncAudienceTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public async Task Exact_removes_only_memberships_the_sync_added_across_runs()
    {
        await using var site = await StartAsync();
        var sales = site.Host.State.Cohorts.Add("Sales", "SALES");
        var staff = site.Host.State.Cohorts.Add("All staff", "STAFF");
        var e1 = site.Seed("E1");
        var e2 = site.Seed("E2");
        var byHand = site.Seed("E3");
        site.Host.State.Cohorts.AddMember(sales.Id, byHand.Id);   // a member made by hand, in no source
        using var ps = site.Connect();
        var state = Path.Combine(_dir, "state.json");
        var script = "param($Rows, $State) $Rows | Invoke-TotaraSync -CohortMode Exact -StatePath $State";

        var first = ps.Run(script, new() { ["Rows"] = new[]
        {
            Row("E1", more: ("Audiences", "SALES;All staff")), Row("E2", more: ("Audiences", "STAFF")), Row("E4", more: ("Audiences", "SALES")),
        }, ["State"] = state }).AssertNoErrors();

        Assert.Equal(4, first.Changes().Count(c => c.S("Action") == "AddMember"));
        var e4 = site.ByIdNumber("E4")!;
        Assert.True(site.Host.State.Cohorts.IsMember(sales.Id, e1.Id) && site.Host.State.Cohorts.IsMember(staff.Id, e1.Id));
        Assert.True(site.Host.State.Cohorts.IsMember(sales.Id, e4.Id));
        Assert.Contains($"\"{sales.Id}\"", File.ReadAllText(state));

        // E1 leaves Sales, E4 leaves the (complete) source: their sync-made memberships go; the hand-made one stays.
        script += " -SourceIsComplete -MissingUserAction Keep -MaxRemovals 2";   // 2 membership removals; 5% of 7 users allows none
        var second = ps.Run(script, new() { ["Rows"] = new[]
        {
            Row("E1", more: ("Audiences", "STAFF")), Row("E2", more: ("Audiences", "STAFF")), Row("E3", more: ("Audiences", "")),
        }, ["State"] = state }).AssertNoErrors();

        Assert.Equal(new[] { ("E1", "Sales (SALES)"), ("E4", "Sales (SALES)") },
            second.Changes().Where(c => c.S("Action") == "RemoveMember").Select(c => (c.S("Key"), c.S("Audience"))).OrderBy(k => k.Item1));
        Assert.False(site.Host.State.Cohorts.IsMember(sales.Id, e1.Id));
        Assert.False(site.Host.State.Cohorts.IsMember(sales.Id, e4.Id));
        Assert.True(site.Host.State.Cohorts.IsMember(sales.Id, byHand.Id));
        Assert.True(site.Host.State.Cohorts.IsMember(staff.Id, e2.Id));

        var third = ps.Run(script + " -Summary", new() { ["Rows"] = new[]
        {
            Row("E1", more: ("Audiences", "STAFF")), Row("E2", more: ("Audiences", "STAFF")), Row("E3", more: ("Audiences", "")),
        }, ["State"] = state }).AssertNoErrors();
        Assert.Equal(0, third.Summary().N("Planned"));
    }

    [Fact]
    public async Task Add_mode_never_removes_and_a_member_already_there_is_not_planned()
    {
        await using var site = await StartAsync();
        var sales = site.Host.State.Cohorts.Add("Sales", "SALES");
        var e1 = site.Seed("E1");
        site.Host.State.Cohorts.AddMember(sales.Id, e1.Id);
        var e2 = site.Seed("E2");
        using var ps = site.Connect();

        var result = ps.Run("param($Rows) $Rows | Invoke-TotaraSync",
            Rows(Row("E1", more: ("Audiences", "SALES")), Row("E2", more: ("Audiences", "Sales")))).AssertNoErrors();

        var add = Assert.Single(result.Changes());
        Assert.Equal(("AddMember", "E2"), (add.S("Action"), add.S("Key")));
        Assert.True(site.Host.State.Cohorts.IsMember(sales.Id, e2.Id));

        var unknown = ps.Run("param($Rows) $Rows | Invoke-TotaraSync", Rows(Row("E1", more: ("Audiences", "NOPE"))));
        Assert.Contains("Row 1 (idnumber 'E1'), field audiences: no static audience has the id, idnumber or name 'NOPE'", Assert.Single(unknown.Errors).Exception.Message);
    }

    [Fact]
    public async Task Exact_without_a_state_file_is_refused_before_anything_is_read()
    {
        await using var site = await StartAsync();
        using var ps = site.Connect();
        site.Host.Counters.Reset();

        var result = ps.Run("param($Rows) $Rows | Invoke-TotaraSync -CohortMode Exact", Rows(Row("E1")));

        Assert.StartsWith("TotaraInvalidParameter,", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.Equal(0, site.Host.Counters.Requests);
    }

    [Fact]
    public async Task After_a_crash_the_next_run_reaches_the_desired_state_without_duplicates()
    {
        await using var site = await StartAsync();
        var sales = site.Host.State.Cohorts.Add("Sales", "SALES");
        var e1 = site.Seed("E1");
        var e2 = site.Seed("E2");
        var e3 = site.Seed("E3");
        // What a crash leaves: the add of E1 was recorded and applied, the add of E2 recorded but never sent,
        // E3's removal applied but not yet forgotten, and a half-written temporary file beside the state.
        site.Host.State.Cohorts.AddMember(sales.Id, e1.Id);
        var state = Path.Combine(_dir, "state.json");
        File.WriteAllText(state, "{\"format\":1,\"site\":\"" + site.Host.Url.AbsoluteUri + "\",\"memberships\":{\"" + sales.Id + "\":[" + e1.Id + "," + e2.Id + "," + e3.Id + "]}}");
        File.WriteAllText(Path.Combine(_dir, ".state.json.0123.tmp"), "{\"format\":1,\"si");
        using var ps = site.Connect();
        var rows = new Dictionary<string, object?>
        {
            ["Rows"] = new[] { Row("E1", more: ("Audiences", "SALES")), Row("E2", more: ("Audiences", "SALES")), Row("E3", more: ("Audiences", "")) },
            ["State"] = state,
        };

        // Erase: E3's empty Audiences cell means "in none", so its recorded membership is in question.
        var result = ps.Run("param($Rows, $State) $Rows | Invoke-TotaraSync -CohortMode Exact -StatePath $State -EmptyFieldAction Erase", rows).AssertNoErrors();

        Assert.Equal(new[] { "AddMember E2" }, result.Changes().Select(c => $"{c.S("Action")} {c.S("Key")}"));
        Assert.Equal(2, site.Host.State.Cohorts.MemberCount(sales.Id));
        Assert.False(site.Host.State.Cohorts.IsMember(sales.Id, e3.Id));
        var saved = File.ReadAllText(state);
        Assert.DoesNotContain(e3.Id.ToString() + "]", saved.Replace(" ", "").Replace("\n", ""));

        var again = ps.Run("param($Rows, $State) $Rows | Invoke-TotaraSync -CohortMode Exact -StatePath $State -EmptyFieldAction Erase -Summary", rows).AssertNoErrors();
        Assert.Equal(0, again.Summary().N("Planned"));
    }

    [Fact]
    public async Task A_state_file_of_another_site_is_refused()
    {
        await using var site = await StartAsync();
        var state = Path.Combine(_dir, "other.json");
        File.WriteAllText(state, """{"format":1,"site":"https://elsewhere.example.com/","memberships":{}}""");
        using var ps = site.Connect();

        var result = ps.Run("param($Rows, $State) $Rows | Invoke-TotaraSync -CohortMode Exact -StatePath $State",
            new() { ["Rows"] = new[] { Row("E1") }, ["State"] = state });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("TotaraSyncStateFileInvalid,", error.FullyQualifiedErrorId);
        Assert.Contains("belongs to https://elsewhere.example.com/", error.Exception.Message);
    }

    [Fact]
    public async Task A_partial_source_in_Exact_mode_removes_no_membership_and_keeps_the_state_file()
    {
        await using var site = await StartAsync();
        var sales = site.Host.State.Cohorts.Add("Sales", "SALES");
        site.Host.State.Cohorts.Add("All staff", "STAFF");
        using var ps = site.Connect();
        var state = Path.Combine(_dir, "state.json");
        var all = Enumerable.Range(1, 60).Select(i => Row($"P{i:00}", more: ("Audiences", "SALES;STAFF"))).ToArray();
        ps.Run("param($Rows, $State) $Rows | Invoke-TotaraSync -CohortMode Exact -StatePath $State -Summary",
            new() { ["Rows"] = all, ["State"] = state }).AssertNoErrors();
        var recorded = Memberships(state);

        // Ten rows, no -SourceIsComplete, one of them with an empty Audiences cell (Keep: no value).
        var ten = all.Take(9).Append(Row("P10", more: ("Audiences", ""))).ToArray();
        var result = ps.Run("param($Rows, $State) $Rows | Invoke-TotaraSync -CohortMode Exact -StatePath $State",
            new() { ["Rows"] = ten, ["State"] = state }).AssertNoErrors();

        Assert.Empty(result.Changes());
        Assert.Equal(0, result.Summary().N("PlannedMembershipRemovals"));
        // The memberships recorded stay as they were (the delta section moves on: this run read the site).
        Assert.Equal(recorded, Memberships(state));
        Assert.Equal(60, site.Host.State.Cohorts.MemberCount(sales.Id));
    }

    private static string Memberships(string state)
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(state));
        return json.RootElement.GetProperty("memberships").GetRawText();
    }

    [Fact]
    public async Task Too_many_membership_removals_stop_the_run_and_the_error_and_summary_count_them()
    {
        await using var site = await StartAsync();
        var sales = site.Host.State.Cohorts.Add("Sales", "SALES");
        using var ps = site.Connect();
        var state = Path.Combine(_dir, "state.json");
        var script = "param($Rows, $State) $Rows | Invoke-TotaraSync -CohortMode Exact -StatePath $State -MaxRemovals 2";
        ps.Run(script, new() { ["Rows"] = Enumerable.Range(1, 10).Select(i => Row($"M{i:00}", more: ("Audiences", "SALES"))).ToArray(), ["State"] = state })
            .AssertNoErrors();

        // Three rows leave Sales: three membership removals, no user removal, over the limit of 2.
        var rows = Enumerable.Range(1, 10).Select(i => Row($"M{i:00}", more: ("Audiences", i <= 3 ? "" : "SALES"))).ToArray();
        var result = ps.Run(script + " -EmptyFieldAction Erase", new() { ["Rows"] = rows, ["State"] = state });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("TotaraSyncRemovalLimitExceeded,", error.FullyQualifiedErrorId);
        Assert.Contains("remove 0 user(s) (0 suspended, 0 deleted) and 3 audience membership(s)", error.Exception.Message);
        var summary = result.Summary();
        Assert.Equal((3, 2, "True"), (summary.N("PlannedMembershipRemovals"), summary.N("AllowedRemovals"), summary.S("RemovalLimitExceeded")));
        Assert.Equal(10, site.Host.State.Cohorts.MemberCount(sales.Id));
    }

    [Fact]
    public async Task A_second_run_on_a_state_file_in_use_fails_with_TotaraSyncStateFileInUse_before_reading_anything()
    {
        await using var site = await StartAsync();
        using var ps = site.Connect();
        var state = Path.Combine(_dir, "state.json");
        site.Host.Counters.Reset();

        // What another run holds for its whole run: an exclusive open of <state>.lock.
        using (new FileStream(state + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var result = ps.Run("param($Rows, $State) $Rows | Invoke-TotaraSync -CohortMode Exact -StatePath $State",
                new() { ["Rows"] = new[] { Row("E1") }, ["State"] = state });

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("TotaraSyncStateFileInUse,", error.FullyQualifiedErrorId);
            Assert.Equal(System.Management.Automation.ErrorCategory.ResourceBusy, error.CategoryInfo.Category);
            Assert.Contains(state, error.Exception.Message);
            Assert.Equal(0, site.Host.Counters.Requests - site.Host.Counters.TokenRequests);
        }

        // Released (as when the other run ends or dies): the next run goes ahead.
        ps.Run("param($Rows, $State) $Rows | Invoke-TotaraSync -CohortMode Exact -StatePath $State",
            new() { ["Rows"] = new[] { Row("E1") }, ["State"] = state }).AssertNoErrors();
    }

    [Theory]
    [InlineData("{\"format\": 99, \"site\": \"SITE\"}", "it is format 99")]
    [InlineData("[]", "its top level is a list")]
    [InlineData("{\"format\": 1, \"site\": \"SITE\", \"memberships\": {\"1\": [2.5]}}", "audience 1 lists a user id 2.5")]
    [InlineData("", "it is empty")]
    public async Task A_bad_state_file_gives_one_TotaraSyncStateFileInvalid_error_naming_the_file(string content, string problem)
    {
        await using var site = await StartAsync();
        using var ps = site.Connect();
        var state = Path.Combine(_dir, "state.json");
        File.WriteAllText(state, content.Replace("SITE", site.Host.Url.AbsoluteUri));

        var result = ps.Run("param($Rows, $State) $Rows | Invoke-TotaraSync -CohortMode Exact -StatePath $State",
            new() { ["Rows"] = new[] { Row("E1") }, ["State"] = state });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("TotaraSyncStateFileInvalid,", error.FullyQualifiedErrorId);
        Assert.Contains($"The state file {state} cannot be read: {problem}", error.Exception.Message);
    }

    [Fact]
    public async Task A_state_file_saved_with_a_byte_order_mark_is_read()
    {
        await using var site = await StartAsync();
        var sales = site.Host.State.Cohorts.Add("Sales", "SALES");
        var e1 = site.Seed("E1");
        site.Host.State.Cohorts.AddMember(sales.Id, e1.Id);
        using var ps = site.Connect();
        var state = Path.Combine(_dir, "state.json");
        // As Windows PowerShell 5.1 writes it after a hand edit (Set-Content -Encoding UTF8).
        File.WriteAllText(state, "{\"format\":1,\"site\":\"" + site.Host.Url.AbsoluteUri + "\",\"memberships\":{\"" + sales.Id + "\":[" + e1.Id + "]}}",
            new System.Text.UTF8Encoding(true));

        var result = ps.Run("param($Rows, $State) $Rows | Invoke-TotaraSync -CohortMode Exact -StatePath $State",
            new() { ["Rows"] = new[] { Row("E1", more: ("Audiences", "SALES")) }, ["State"] = state }).AssertNoErrors();

        Assert.Empty(result.Changes());
    }
}

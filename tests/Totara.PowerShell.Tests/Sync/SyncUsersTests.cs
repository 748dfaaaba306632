using System.Management.Automation;
using static Totara.PowerShell.Tests.Sync.SyncSite;

namespace Totara.PowerShell.Tests.Sync;

/// <summary>Invoke-TotaraSync on users: create, update only what changed, converge, -WhatIf, empty fields, typed output.</summary>
public sealed class SyncUsersTests
{
    [Fact]
    public async Task Creates_and_updates_only_changed_fields_and_a_second_run_plans_nothing()
    {
        await using var site = await StartAsync();
        site.Seed("E1");
        site.Seed("E2");
        using var ps = site.Connect();
        var rows = Rows(Row("E1"), Row("E2", department: "Marketing"), Row("E3"));

        var first = ps.Run("param($Rows) $Rows | Invoke-TotaraSync", rows).AssertNoErrors();

        var changes = first.Changes();
        Assert.Equal(new[] { "Create E3", "Update E2" }, changes.Select(c => $"{c.S("Action")} {c.S("Key")}"));
        Assert.All(changes, c => Assert.Equal("Applied", c.S("Outcome")));
        Assert.Equal("department: 'Seeded' -> 'Marketing'", changes[1].S("Changes"));
        Assert.Equal("Marketing", site.ByIdNumber("E2")!.Department);
        Assert.Equal("e3", site.ByIdNumber("E3")!.Username);
        // One progress bar through the phases, completed at the end.
        var phases = first.Progress.Select(p => p.CurrentOperation).Distinct().ToList();
        Assert.Equal(new[] { "Validate", "Read", "Plan", "Guard", "Apply" }, phases.Where(p => p is not null).Take(5));
        Assert.Equal(System.Management.Automation.ProgressRecordType.Completed, first.Progress.Last().RecordType);

        var mutations = site.Host.Counters.MutationsExecuted;
        var second = ps.Run("param($Rows) $Rows | Invoke-TotaraSync -Summary", rows).AssertNoErrors();
        Assert.Empty(second.Changes());
        var summary = second.Summary();
        Assert.Equal((0, 3, 0), (summary.N("Planned"), summary.N("Unchanged"), summary.N("Failed")));
        Assert.Equal(mutations, site.Host.Counters.MutationsExecuted);
    }

    [Fact]
    public async Task Independent_user_batches_are_in_flight_together_and_written_in_plan_order()
    {
        await using var site = await StartAsync();
        for (var i = 1; i <= 40; i++) site.Seed($"E{i:00}");
        // A small complexity limit cuts the 40 updates into batches of about 16; server time makes them overlap.
        using var ps = site.Connect(moreParameters: "-MaxComplexity 200");
        site.Host.Switches.ResolverLatencyMs = 50;
        var rows = Rows(Enumerable.Range(1, 40).Select(i => Row($"E{i:00}", department: "Moved")).ToArray());
        site.Host.Counters.Reset();

        var result = ps.Run("param($Rows) $Rows | Invoke-TotaraSync", rows).AssertNoErrors();

        var changes = result.Changes();
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"Update E{i:00}"), changes.Select(c => $"{c.S("Action")} {c.S("Key")}"));
        Assert.All(changes, c => Assert.Equal("Applied", c.S("Outcome")));
        Assert.All(site.WithPrefix("E"), u => Assert.Equal("Moved", u.Department));
        Assert.True(site.Host.Counters.PeakRequestsInFlight >= 2, $"at most {site.Host.Counters.PeakRequestsInFlight} request(s) were in flight");
        Assert.Equal(40, site.Host.Counters.MutationsExecuted);
    }

    [Fact]
    public async Task A_password_column_is_sent_on_create_and_one_the_site_policy_refuses_is_that_rows_error()
    {
        await using var site = await StartAsync();
        using var ps = site.Connect();

        var result = ps.Run("param($Rows) $Rows | Invoke-TotaraSync -ErrorAction SilentlyContinue -ErrorVariable failed; @($failed).Count; $failed[0].TargetObject.idnumber",
            Rows(Row("P1", more: ("password", "weak")), Row("P2", more: ("password", "Str0ng-Passw0rd"))));

        var text = result.Output.Where(o => o.BaseObject is string or int).Select(o => o.ToString()).ToList();
        Assert.Equal(new[] { "1", "P1" }, text);
        Assert.Contains("Passwords must", result.Changes().Single(c => c.S("Key") == "P1").S("Error"));
        Assert.Null(site.ByIdNumber("P1"));
        Assert.NotNull(site.ByIdNumber("P2"));
        Assert.DoesNotContain("Str0ng-Passw0rd", string.Join("\n", result.Changes().Select(c => c.S("Changes"))));
    }

    [Fact]
    public async Task WhatIf_returns_the_plan_with_old_and_new_values_and_sends_no_mutation()
    {
        await using var site = await StartAsync();
        site.Seed("E1");
        site.Seed("E9");
        using var ps = site.Connect();
        site.Host.Counters.Reset();

        var result = ps.Run("param($Rows) $Rows | Invoke-TotaraSync -SourceIsComplete -MaxRemovals 5 -WhatIf",
            Rows(Row("E1", first: "Ann"), Row("E2"))).AssertNoErrors();

        Assert.Equal(0, site.Host.Counters.MutationsExecuted);
        Assert.Equal(3, result.Changes().Count);
        Assert.All(result.Changes(), c => Assert.Equal("Planned", c.S("Action") == "" ? "" : c.S("Outcome")));
        var update = result.Changes().Single(c => c.S("Action") == "Update");
        var field = ((object[])update.BaseObject.GetType().GetMethod("GetFieldChanges")!.Invoke(update.BaseObject, null)!).Single();
        Assert.Equal("firstname: 'FirstE1' -> 'Ann'", field.ToString());
        Assert.Equal("Suspend", result.Changes().Last().S("Action"));
        Assert.True((bool)result.Summary().Properties["WhatIf"]!.Value);
        Assert.Null(site.ByIdNumber("E2"));
        Assert.False(site.ByIdNumber("E9")!.Suspended);
    }

    [Fact]
    public async Task Empty_fields_are_kept_by_default_and_erased_with_Erase()
    {
        await using var site = await StartAsync();
        site.Seed("E1", configure: u => u.City = "Wellington");
        using var ps = site.Connect();
        var rows = Rows(Row("E1", department: "", more: ("city", "")));

        ps.Run("param($Rows) $Rows | Invoke-TotaraSync", rows).AssertNoErrors();
        Assert.Equal(("Seeded", "Wellington"), (site.ByIdNumber("E1")!.Department, site.ByIdNumber("E1")!.City));

        var erase = ps.Run("param($Rows) $Rows | Invoke-TotaraSync -EmptyFieldAction Erase", rows).AssertNoErrors();
        Assert.Equal("city: 'Wellington' -> ''; department: 'Seeded' -> ''", string.Join("; ", erase.Changes().Single().S("Changes").Split("; ").Order()));
        Assert.True(string.IsNullOrEmpty(site.ByIdNumber("E1")!.Department));
        Assert.True(string.IsNullOrEmpty(site.ByIdNumber("E1")!.City));
    }

    [Fact]
    public async Task Active_Directory_objects_bind_by_their_own_names_and_a_disabled_account_is_suspended()
    {
        await using var site = await StartAsync();
        site.Seed("E1", "jsmith");
        using var ps = site.Connect();

        var result = ps.Run("""
            [pscustomobject]@{ SamAccountName = 'jsmith'; EmployeeID = 'E1'; GivenName = 'John'; Surname = 'Smith'; EmailAddress = 'jsmith@example.com'; Enabled = $false; l = 'Auckland' },
            [pscustomobject]@{ SamAccountName = 'mjones'; EmployeeID = 'E2'; GivenName = 'Mary'; Surname = 'Jones'; EmailAddress = 'mjones@example.com'; Enabled = $true; l = 'Nelson' } |
                Invoke-TotaraSync -MaxRemovals 1
            """).AssertNoErrors();

        var john = site.ByIdNumber("E1")!;
        Assert.Equal(("John", "Smith", "Auckland", true), (john.FirstName, john.LastName, john.City, john.Suspended));
        var mary = site.ByIdNumber("E2")!;
        Assert.Equal(("mjones", "Nelson", false), (mary.Username, mary.City, mary.Suspended));
        Assert.Equal(new[] { "Create", "Update", "Suspend" }, result.Changes().Select(c => c.S("Action")));
    }

    [Fact]
    public async Task An_unknown_column_is_warned_about_once_with_the_nearest_known_one()
    {
        await using var site = await StartAsync();
        site.Seed("E1");
        site.Seed("E2");
        using var ps = site.Connect();
        var rows = Rows(Row("E1", more: new (string, object?)[] { ("emial", "x@example.com"), ("departmnet", "Sales"), ("Notes", "") }),
            Row("E2", more: new (string, object?)[] { ("emial", "y@example.com"), ("departmnet", "Sales"), ("Notes", "") }));

        var result = ps.Run("param($Rows) $Rows | Invoke-TotaraSync -WhatIf", rows).AssertNoErrors();

        Assert.Equal(new[]
        {
            "Column 'emial' is not one Invoke-TotaraSync reads; its values are ignored. Did you mean 'email'?",
            "Column 'departmnet' is not one Invoke-TotaraSync reads; its values are ignored. Did you mean 'department'?",
            "Column 'Notes' is not one Invoke-TotaraSync reads; its values are ignored.",
        }, result.Warnings);
    }

    [Fact]
    public async Task MatchOn_Username_updates_the_idnumber_of_the_matching_user()
    {
        await using var site = await StartAsync();
        site.Seed("OLD-1", "ann");
        using var ps = site.Connect();

        var result = ps.Run("param($Rows) $Rows | Invoke-TotaraSync -MatchOn Username",
            Rows(Row("NEW-1", more: ("username", "ann")))).AssertNoErrors();

        Assert.Equal("Update", result.Changes().Single().S("Action"));
        Assert.Equal("ann", site.ByIdNumber("NEW-1")!.Username);
        Assert.Null(site.ByIdNumber("OLD-1"));
    }
}

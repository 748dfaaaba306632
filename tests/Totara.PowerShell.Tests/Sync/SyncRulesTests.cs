using System.Management.Automation;
using static Totara.PowerShell.Tests.Sync.SyncSite;

namespace Totara.PowerShell.Tests.Sync;

/// <summary>Validation per record, the missing-user actions, protected accounts and the removal guard.</summary>
public sealed class SyncRulesTests
{
    [Fact]
    public async Task Bad_rows_get_one_error_each_naming_row_key_and_field_and_the_rest_are_applied()
    {
        await using var site = await StartAsync();
        using var ps = site.Connect();
        var rows = Rows(
            Row("E1"),
            Row("E2", more: ("email", "not-an-email")),
            Row("E3", more: ("email", "x3@example.com")),
            Row("E3", more: new (string, object?)[] { ("email", "y3@example.com"), ("username", "e3b") }),
            Row("", more: new (string, object?)[] { ("username", "nokey"), ("email", "nokey@example.com") }),
            Row("E6", more: ("suspended", "maybe")));

        var result = ps.Run("param($Rows) $Rows | Invoke-TotaraSync", rows);

        Assert.Null(result.TerminatingError);
        Assert.Equal(new[] { "E1" }, result.Changes().Select(c => c.S("Key")));
        Assert.NotNull(site.ByIdNumber("E1"));
        Assert.Null(site.ByIdNumber("E2"));
        Assert.Null(site.ByIdNumber("E3"));
        var errors = result.Errors;
        Assert.Equal(5, errors.Count);
        Assert.All(errors, e => Assert.StartsWith("TotaraSyncInvalidRow,", e.FullyQualifiedErrorId));
        Assert.Equal("Row 2 (idnumber 'E2'), field email: email 'not-an-email' is not a valid email address.", errors[0].Exception.Message);
        Assert.Contains("Row 3 (idnumber 'E3'), field idnumber: idnumber 'E3' appears in more than one row (also row 4)", errors[1].Exception.Message);
        Assert.Contains("Row 4 (idnumber 'E3')", errors[2].Exception.Message);
        Assert.Contains("Row 5, field idnumber: idnumber is empty or missing", errors[3].Exception.Message);
        Assert.Contains("Row 6, field suspended", errors[4].Exception.Message);
        // The TargetObject is the row itself.
        Assert.Same(((PSObject[])rows["Rows"]!)[1], errors[0].TargetObject);
        Assert.Equal(5, result.Summary().N("Invalid"));
    }

    [Theory]
    [InlineData("Suspend")]
    [InlineData("Delete")]
    [InlineData("Keep")]
    public async Task Users_missing_from_a_complete_source_get_the_missing_user_action_but_never_protected_accounts(string action)
    {
        await using var site = await StartAsync();
        site.Seed("E1");
        site.Seed("E2");
        site.Seed("", "handmade");   // outside the source's scope: no idnumber
        using var ps = site.Connect();

        var result = ps.Run($"param($Rows) $Rows | Invoke-TotaraSync -SourceIsComplete -MissingUserAction {action} -Force", Rows(Row("E1"))).AssertNoErrors();

        var e2 = site.Users.GetByUsername("e2");
        switch (action)
        {
            case "Suspend": Assert.True(e2!.Suspended); break;
            case "Delete": Assert.Null(site.ByIdNumber("E2")); break;
            default: Assert.False(e2!.Suspended); break;
        }
        Assert.Equal(action == "Keep" ? 0 : 1, result.Changes().Count);
        foreach (var name in new[] { "admin", "guest", "api_service", "handmade" })
        {
            var user = site.Users.GetByUsername(name);
            Assert.NotNull(user);
            Assert.False(user!.Suspended, name);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(" -EmptyFieldAction Erase")]
    [InlineData(" -SourceIsComplete")]
    public async Task An_empty_suspended_cell_leaves_a_suspended_user_suspended_and_only_an_explicit_false_unsuspends(string parameters)
    {
        await using var site = await StartAsync();
        site.Seed("E1", configure: u => u.Suspended = true);
        site.Seed("E2", configure: u => u.Suspended = true);
        using var ps = site.Connect();

        var result = ps.Run("param($Rows) $Rows | Invoke-TotaraSync -MaxRemovals 5" + parameters,
            Rows(Row("E1", more: ("suspended", "")), Row("E2", more: ("suspended", "0")))).AssertNoErrors();

        Assert.Equal(new[] { "Unsuspend E2" }, result.Changes().Select(c => $"{c.S("Action")} {c.S("Key")}"));
        Assert.True(site.ByIdNumber("E1")!.Suspended);
        Assert.False(site.ByIdNumber("E2")!.Suspended);
    }

    [Fact]
    public async Task The_guard_stops_too_many_removals_with_the_numbers_and_changes_nothing_and_Force_overrides()
    {
        await using var site = await StartAsync();
        for (var i = 1; i <= 10; i++) site.Seed("E" + i);
        using var ps = site.Connect();
        site.Host.Counters.Reset();

        // Only E1 and a new E11 in a "complete" source: 9 of 13 users would be suspended.
        var rows = Rows(Row("E1", first: "Changed"), Row("E11"));
        var stopped = ps.Run("param($Rows) $Rows | Invoke-TotaraSync -SourceIsComplete", rows);

        // A statement-terminating error: the script goes on, the error is in the stream.
        var error = Assert.Single(stopped.Errors);
        Assert.StartsWith("TotaraSyncRemovalLimitExceeded,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.LimitsExceeded, error.CategoryInfo.Category);
        Assert.Contains("remove 9 user(s) (9 suspended, 0 deleted) and 0 audience membership(s); MaxRemovals 5% allows 0 of each on a site of 13 user(s), and the users removed are more", error.Exception.Message);
        Assert.Equal(0, site.Host.Counters.MutationsExecuted);
        Assert.Null(site.ByIdNumber("E11"));

        var counted = ps.Run("param($Rows) $Rows | Invoke-TotaraSync -SourceIsComplete -MaxRemovals 8", rows);
        Assert.Contains("MaxRemovals 8 allows 8 of each", Assert.Single(counted.Errors).Exception.Message);
        Assert.Equal(0, site.Host.Counters.MutationsExecuted);

        var forced = ps.Run("param($Rows) $Rows | Invoke-TotaraSync -SourceIsComplete -Force -Summary", rows).AssertNoErrors();
        Assert.Equal((1, 1, 9), (forced.Summary().N("Created"), forced.Summary().N("Updated"), forced.Summary().N("Suspended")));
        Assert.True(site.ByIdNumber("E5")!.Suspended);
        Assert.False(site.ByIdNumber("E1")!.Suspended);
    }

    [Fact]
    public async Task A_row_marked_deleted_suspends_its_user_without_a_complete_source()
    {
        await using var site = await StartAsync();
        site.Seed("E1");
        site.Seed("E2");
        using var ps = site.Connect();

        var result = ps.Run("param($Rows) $Rows | Invoke-TotaraSync -MaxRemovals 1",
            Rows(Row("E1", more: ("deleted", "1")), Row("E2", more: ("deleted", "0")), Row("E3", more: ("deleted", "1")))).AssertNoErrors();

        var change = Assert.Single(result.Changes());
        Assert.Equal(("Suspend", "E1"), (change.S("Action"), change.S("Key")));
        Assert.True(site.ByIdNumber("E1")!.Suspended);
        Assert.False(site.ByIdNumber("E2")!.Suspended);
        Assert.Null(site.ByIdNumber("E3"));
    }

    [Fact]
    public async Task An_empty_complete_source_is_stopped_by_the_guard()
    {
        await using var site = await StartAsync();
        for (var i = 1; i <= 3; i++) site.Seed("E" + i);
        using var ps = site.Connect();
        site.Host.Counters.Reset();

        var result = ps.Run("@() | Invoke-TotaraSync -SourceIsComplete");

        Assert.Contains("would remove 3 user(s)", Assert.Single(result.Errors).Exception.Message);
        Assert.Equal(0, site.Host.Counters.MutationsExecuted);
    }

    [Fact]
    public async Task A_refused_row_keeps_its_user_safe_from_a_complete_source()
    {
        await using var site = await StartAsync();
        site.Seed("E1");
        site.Seed("E2");
        using var ps = site.Connect();

        var result = ps.Run("param($Rows) $Rows | Invoke-TotaraSync -SourceIsComplete -Force",
            Rows(Row("E1"), Row("E2", more: ("email", "broken"))));

        Assert.Single(result.Errors);
        Assert.Empty(result.Changes());
        Assert.False(site.ByIdNumber("E2")!.Suspended);
    }
}

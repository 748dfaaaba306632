using System.Management.Automation;
using Totara.PowerShell.Tests.TestSupport;
using Totara.PowerShell.Tests.Users;

namespace Totara.PowerShell.Tests.Learning;

/// <summary>Get-, New-, Set-, Remove-TotaraGoal and Set-TotaraGoalProgress against the emulator.</summary>
public sealed class GoalTests : IClassFixture<EmulatorRunspaceFixture>
{
    private readonly EmulatorRunspaceFixture _site;

    public GoalTests(EmulatorRunspaceFixture site) => _site = site;

    private static string Id(string prefix) => UserTestData.UniqueName(prefix);

    [Fact]
    public void New_creates_goals_from_rows_with_defaults_and_returns_them_typed()
    {
        var a = _site.Seed(Id("ga"));
        var b = _site.Seed(Id("gb"));
        var key = Id("G");
        using var ps = _site.NewConnectedRunspace();

        var output = ps.Run("""
            param($A, $B, $Key)
            @(
                [pscustomobject]@{ Username = $A; Name = 'Lead a team meeting'; IdNumber = "$Key-1"; TargetDate = [datetime]'2027-12-31'; TargetValue = 10 }
                [pscustomobject]@{ User = $B; GoalName = 'Mentor a new starter'; GoalIdNumber = "$Key-2"; DueDate = [datetime]'2027-06-30'; Status = 'InProgress'; CurrentValue = 5 }
            ) | New-TotaraGoal
            """, UserTestData.Params(("A", a.Username), ("B", b.IdNumber), ("Key", key))).AssertNoErrors().Output;

        Assert.Equal(2, output.Count);
        Assert.All(output, o => Assert.Equal("Totara.PowerShell.Goals.TotaraGoal", o.BaseObject.GetType().FullName));
        Assert.Equal(new object?[] { a.Username, b.Username }, output.Select(o => o.Get("Username")));
        Assert.Equal(10.0, output[0].Get("TargetValue"));
        Assert.Equal(100.0, output[1].Get("TargetValue"));
        Assert.Equal("in_progress", output[1].Get("Status"));
        Assert.Equal(5.0, output[1].Get("CurrentValue"));
        var stored = Assert.Single(_site.Host.State.Goals.ForUser(a.Id));
        Assert.Equal("Lead a team meeting", stored.Name);
        Assert.Equal(key + "-1", stored.IdNumber);
        Assert.Equal(new DateTimeOffset(new DateTime(2027, 12, 31, 0, 0, 0, DateTimeKind.Local)).ToUnixTimeSeconds(), stored.TargetDate);
    }

    [Fact]
    public void A_bad_row_is_refused_before_sending_naming_the_field_and_a_site_refusal_names_its_field_too()
    {
        var a = _site.Seed(Id("ba"));
        var key = Id("B");
        _site.Host.State.Goals.Add(g => { g.UserId = a.Id; g.Name = "Existing"; g.IdNumber = key + "-taken"; });
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        var result = ps.Run("""
            param($A, $Key)
            $bad = [pscustomobject]@{ User = $A; Name = 'Backwards'; StartDate = [datetime]'2026-06-01'; TargetDate = [datetime]'2026-01-01' }
            $taken = [pscustomobject]@{ User = $A; Name = 'Clash'; IdNumber = "$Key-taken"; TargetDate = [datetime]'2027-01-01' }
            $good = [pscustomobject]@{ User = $A; Name = 'Fine'; TargetDate = [datetime]'2027-01-01' }
            $bad, $taken, $good | New-TotaraGoal
            """, UserTestData.Params(("A", a.Username), ("Key", key)));

        Assert.True(2 == result.Errors.Count, string.Join("\n", result.Errors.Select(e => e.Exception.Message)));
        Assert.StartsWith("TotaraInvalidInput,", result.Errors[0].FullyQualifiedErrorId);
        Assert.Contains("Record 1 (Backwards for", result.Errors[0].Exception.Message);
        Assert.Contains("field TargetDate", result.Errors[0].Exception.Message);
        Assert.Equal("Backwards", ((PSObject)result.Errors[0].TargetObject).Properties["Name"].Value);
        Assert.StartsWith("TotaraRecordFailed,", result.Errors[1].FullyQualifiedErrorId);
        Assert.Contains("field IdNumber", result.Errors[1].Exception.Message);
        Assert.Equal("Fine", Assert.Single(result.Output).Get("Name"));
        Assert.Equal(2, _site.Host.State.Goals.ForUser(a.Id).Count);
    }

    [Fact]
    public void Get_lists_a_users_goals_by_pipeline_filters_by_status_and_reads_one_by_id_number()
    {
        var a = _site.Seed(Id("la"));
        var key = Id("L");
        _site.Host.State.Goals.Add(g => { g.UserId = a.Id; g.Name = "One"; g.IdNumber = key + "-1"; });
        _site.Host.State.Goals.Add(g => { g.UserId = a.Id; g.Name = "Two"; g.IdNumber = key + "-2"; g.Status = "completed"; });
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("""
            param($A, $Key)
            Get-TotaraUser -Identity $A | Get-TotaraGoal
            Get-TotaraGoal -User $A -Status Completed
            Get-TotaraGoal -Identity "$Key-1"
            Get-TotaraGoal -Identity 'no-such-goal'
            Get-TotaraGoal -User 'no-such-user'
            """, UserTestData.Params(("A", a.Username), ("Key", key)));

        Assert.Equal(new object?[] { "One", "Two", "Two", "One" }, result.Output.Select(o => o.Get("Name")));
        Assert.Equal(2, result.Errors.Count);
        Assert.StartsWith("TotaraGoalNotFound,", result.Errors[0].FullyQualifiedErrorId);
        Assert.StartsWith("TotaraUserNotFound,", result.Errors[1].FullyQualifiedErrorId);
        Assert.Equal("no-such-user", result.Errors[1].TargetObject);
    }

    [Fact]
    public void Set_sends_only_the_values_given_and_a_piped_goal_does_not_resend_its_own()
    {
        var a = _site.Seed(Id("sa"));
        var key = Id("S");
        var goal = _site.Host.State.Goals.Add(g => { g.UserId = a.Id; g.Name = "Original"; g.IdNumber = key; g.TargetValue = 100; g.TargetDate = 1_900_000_000; });
        using var ps = _site.NewConnectedRunspace();

        var output = ps.Run("""
            param($Key)
            Set-TotaraGoal -Identity $Key -TargetValue 150
            Get-TotaraGoal -Identity $Key | Set-TotaraGoal -Name 'Renamed' -NewIdNumber "$Key-v2"
            """, UserTestData.Params(("Key", key))).AssertNoErrors().Output;

        Assert.Equal(150.0, output[0].Get("TargetValue"));
        Assert.Equal("Renamed", output[1].Get("Name"));
        var stored = _site.Host.State.Goals.Get(goal.Id)!;
        Assert.Equal("Renamed", stored.Name);
        Assert.Equal(key + "-v2", stored.IdNumber);
        Assert.Equal(150, stored.TargetValue);
        Assert.Equal(1_900_000_000, stored.TargetDate);
    }

    [Fact]
    public void Progress_takes_either_value_keeps_the_other_and_an_unknown_goal_fails_alone()
    {
        var a = _site.Seed(Id("pa"));
        var key = Id("P");
        var one = _site.Host.State.Goals.Add(g => { g.UserId = a.Id; g.Name = "One"; g.IdNumber = key + "-1"; g.CurrentValue = 20; });
        var two = _site.Host.State.Goals.Add(g => { g.UserId = a.Id; g.Name = "Two"; g.IdNumber = key + "-2"; g.Status = "in_progress"; });
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("""
            param($Key, $TwoId)
            "$Key-1", 'no-such-goal' | Set-TotaraGoalProgress -Status InProgress
            [pscustomobject]@{ GoalId = $TwoId; Progress = 75 } | Set-TotaraGoalProgress
            """, UserTestData.Params(("Key", key), ("TwoId", two.Id)));

        Assert.Equal(2, result.Output.Count);
        Assert.All(result.Output, o => Assert.Equal("Totara.PowerShell.Goals.TotaraGoalProgress", o.BaseObject.GetType().FullName));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("TotaraGoalNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal("no-such-goal", error.TargetObject);
        Assert.Equal(("in_progress", 20.0), (_site.Host.State.Goals.Get(one.Id)!.Status, _site.Host.State.Goals.Get(one.Id)!.CurrentValue));
        Assert.Equal(("in_progress", 75.0), (_site.Host.State.Goals.Get(two.Id)!.Status, _site.Host.State.Goals.Get(two.Id)!.CurrentValue));
        Assert.Equal("in_progress", result.Output[1].Get("Status"));
        Assert.Equal(75.0, result.Output[1].Get("CurrentValue"));
    }

    [Fact]
    public void Remove_deletes_piped_goals_is_high_impact_and_WhatIf_sends_nothing()
    {
        var a = _site.Seed(Id("ra"));
        var key = Id("R");
        _site.Host.State.Goals.Add(g => { g.UserId = a.Id; g.Name = "One"; g.IdNumber = key + "-1"; });
        _site.Host.State.Goals.Add(g => { g.UserId = a.Id; g.Name = "Two"; g.IdNumber = key + "-2"; });
        using var ps = _site.NewConnectedRunspace();

        _site.Host.Counters.Reset();
        ps.Run("param($A) Get-TotaraGoal -User $A | Remove-TotaraGoal -WhatIf", UserTestData.Params(("A", a.Username))).AssertNoErrors();
        Assert.Equal(0, _site.Host.Counters.MutationsExecuted);

        var impact = ps.Run("(Get-Command Remove-TotaraGoal).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact").AssertNoErrors();
        Assert.Equal("High", impact.Output.Single().ToString());

        var result = ps.Run("param($A) Get-TotaraGoal -User $A | Remove-TotaraGoal -Confirm:$false -Verbose", UserTestData.Params(("A", a.Username))).AssertNoErrors();
        Assert.Empty(result.Output);
        Assert.Equal(2, result.Verbose.Count(v => v.StartsWith("Deleted goal", StringComparison.Ordinal)));
        Assert.Empty(_site.Host.State.Goals.ForUser(a.Id));
    }

    [Fact]
    public void New_finds_the_owner_by_either_key_and_an_unknown_owner_fails_alone_naming_the_field()
    {
        var a = _site.Seed(Id("oa"));
        var manager = _site.Seed(Id("om"));
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("""
            param($A, $Manager)
            @(
                [pscustomobject]@{ User = $A; Name = 'Owned'; Owner = $Manager; TargetDate = [datetime]'2030-01-01' }
                [pscustomobject]@{ User = $A; Name = 'Orphan'; Owner = 'no-such-manager'; TargetDate = [datetime]'2030-01-01' }
            ) | New-TotaraGoal
            """, UserTestData.Params(("A", a.Username), ("Manager", manager.IdNumber)));

        Assert.Equal(manager.Username, Assert.Single(result.Output).Get("Owner"));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("TotaraUserNotFound,", error.FullyQualifiedErrorId);
        Assert.Contains("field Owner", error.Exception.Message);
        Assert.Contains("no-such-manager", error.Exception.Message);
        Assert.Single(_site.Host.State.Goals.ForUser(a.Id));
    }

    [Fact]
    public void New_under_WhatIf_sends_nothing()
    {
        var a = _site.Seed(Id("wa"));
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        ps.Run("param($A) New-TotaraGoal -User $A -Name 'x' -TargetDate ([datetime]'2027-01-01') -WhatIf", UserTestData.Params(("A", a.Username))).AssertNoErrors();

        Assert.Equal(0, _site.Host.Counters.Requests);
        Assert.Empty(_site.Host.State.Goals.ForUser(a.Id));
    }
}

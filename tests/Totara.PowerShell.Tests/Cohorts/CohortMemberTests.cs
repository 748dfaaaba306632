using System.Management.Automation;
using Totara.PowerShell.Tests.TestSupport;
using Totara.PowerShell.Tests.Users;

namespace Totara.PowerShell.Tests.Cohorts;

/// <summary>Add-, Remove- and Test-TotaraCohortMember against the emulator: results per user, errors per input, -WhatIf.</summary>
public sealed class CohortMemberTests : IClassFixture<EmulatorRunspaceFixture>
{
    private readonly EmulatorRunspaceFixture _site;

    public CohortMemberTests(EmulatorRunspaceFixture site) => _site = site;

    private (long Id, string IdNumber) NewCohort(string prefix)
    {
        var name = UserTestData.UniqueName(prefix);
        var cohort = _site.Host.State.Cohorts.Add("Audience " + name, "AUD-" + name);
        return (cohort.Id, cohort.IdNumber!);
    }

    private static string ResultOf(PSObject item) => item.Get("Result")!.ToString()!;

    [Fact]
    public void Piped_users_in_every_form_are_added_with_one_result_each()
    {
        var (cohortId, idNumber) = NewCohort("add");
        var a = _site.Seed(UserTestData.UniqueName("ma"));
        var b = _site.Seed(UserTestData.UniqueName("mb"));
        var c = _site.Seed(UserTestData.UniqueName("mc"));
        var d = _site.Seed(UserTestData.UniqueName("md"));
        _site.Host.State.Cohorts.AddMember(cohortId, d.Id);
        using var ps = _site.NewConnectedRunspace();

        var output = ps.Run("""
            param($Cohort, $A, $B, $C, $D)
            $user = Get-TotaraUser -Identity $A
            @($user, [pscustomobject]@{ IdNumber = $B }, @{ Email = $C }, $D) | Add-TotaraCohortMember -Cohort $Cohort
            """, UserTestData.Params(("Cohort", idNumber), ("A", a.Username), ("B", b.IdNumber), ("C", c.Email), ("D", d.Username)))
            .AssertNoErrors().Output;

        Assert.Equal(4, output.Count);
        Assert.All(output, o => Assert.Equal("Totara.PowerShell.Cohorts.TotaraCohortMembership", o.BaseObject.GetType().FullName));
        Assert.Equal(new[] { "Added", "Added", "Added", "AlreadyMember" }, output.Select(ResultOf));
        // The site returns the user with each change; an unchanged membership sends nothing.
        Assert.Equal(new long?[] { a.Id, b.Id, c.Id, null }, output.Select(o => (long?)o.Get("UserId")));
        Assert.Equal(new object[] { true, true, true, false }, output.Select(o => o.Get("Changed")!));
        Assert.All(output, o => Assert.Equal(cohortId, (long)o.Get("CohortId")!));
        foreach (var user in new[] { a, b, c, d }) Assert.True(_site.Host.State.Cohorts.IsMember(cohortId, user.Id));
    }

    [Fact]
    public void An_unknown_user_is_a_non_terminating_error_whose_target_is_the_input_and_the_rest_go_on()
    {
        var (cohortId, idNumber) = NewCohort("err");
        var a = _site.Seed(UserTestData.UniqueName("ea"));
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("""
            param($Cohort, $A)
            $row = [pscustomobject]@{ Username = 'no-such-user-here' }
            @($row, $A, 'nobody-at-all') | Add-TotaraAudienceMember -Cohort $Cohort
            """, UserTestData.Params(("Cohort", cohortId), ("A", a.Username)));

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.StartsWith("TotaraUserNotFound,", e.FullyQualifiedErrorId));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
        Assert.Equal("no-such-user-here", ((PSObject)result.Errors[0].TargetObject).Properties["Username"].Value);
        Assert.Equal("nobody-at-all", result.Errors[1].TargetObject);
        Assert.Contains("username 'nobody-at-all' or idnumber 'nobody-at-all'", result.Errors[1].Exception.Message);
        Assert.Contains("Record 3", result.Errors[1].Exception.Message);
        Assert.Equal("Added", ResultOf(Assert.Single(result.Output)));
        Assert.True(_site.Host.State.Cohorts.IsMember(cohortId, a.Id));
        Assert.Equal(1, _site.Host.State.Cohorts.MemberCount(cohortId));
    }

    [Fact]
    public void Remove_reports_Removed_and_WasNotMember_and_sends_one_mutation()
    {
        var (cohortId, idNumber) = NewCohort("rm");
        var a = _site.Seed(UserTestData.UniqueName("ra"));
        var b = _site.Seed(UserTestData.UniqueName("rb"));
        _site.Host.State.Cohorts.AddMember(cohortId, a.Id);
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        var output = ps.Run("param($Cohort, $A, $B) $A, $B | Remove-TotaraCohortMember -Cohort $Cohort -Confirm:$false",
            UserTestData.Params(("Cohort", idNumber), ("A", a.Username), ("B", b.Username))).AssertNoErrors().Output;

        Assert.Equal(new[] { "Removed", "WasNotMember" }, output.Select(ResultOf));
        Assert.False(_site.Host.State.Cohorts.IsMember(cohortId, a.Id));
        Assert.Equal(1, _site.Host.Counters.MutationsExecuted);
    }

    [Fact]
    public void Test_returns_booleans_in_input_order_and_result_objects_with_Detailed()
    {
        var (cohortId, _) = NewCohort("test");
        var name = _site.Host.State.Cohorts.Get(cohortId)!.Name;
        var a = _site.Seed(UserTestData.UniqueName("ta"));
        var b = _site.Seed(UserTestData.UniqueName("tb"));
        _site.Host.State.Cohorts.AddMember(cohortId, b.Id);
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("""
            param($Name, $A, $B)
            $A, $B | Test-TotaraCohortMember -Cohort $Name
            Test-TotaraAudienceMember -Cohort $Name -User $B -Detailed
            """, UserTestData.Params(("Name", name), ("A", a.Username), ("B", b.IdNumber))).AssertNoErrors();

        Assert.Equal(new object[] { false, true }, result.Output.Take(2).Select(o => o.BaseObject));
        var detailed = result.Output[2];
        Assert.Equal("Member", ResultOf(detailed));
        Assert.Equal(true, detailed.Get("IsMember"));
    }

    [Fact]
    public void WhatIf_sends_nothing_at_all()
    {
        var (cohortId, idNumber) = NewCohort("wi");
        var a = _site.Seed(UserTestData.UniqueName("wa"));
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        var result = ps.Run("param($Cohort, $A) $A | Add-TotaraCohortMember -Cohort $Cohort -WhatIf; $A | Remove-TotaraCohortMember -Cohort $Cohort -WhatIf",
            UserTestData.Params(("Cohort", idNumber), ("A", a.Username))).AssertNoErrors();

        Assert.Empty(result.Output);
        Assert.Equal(0, _site.Host.Counters.Requests);
        Assert.False(_site.Host.State.Cohorts.IsMember(cohortId, a.Id));
    }

    [Fact]
    public void An_unknown_audience_stops_the_command_before_any_user_is_sent()
    {
        var a = _site.Seed(UserTestData.UniqueName("ua"));
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        var result = ps.Run("param($A) $A | Add-TotaraCohortMember -Cohort 'no such audience'", UserTestData.Params(("A", a.Username)));

        // Statement-terminating: one error, no result, no user sent.
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("TotaraCohortNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("'no such audience'", error.Exception.Message);
        Assert.Empty(result.Output);
        Assert.Equal(0, _site.Host.Counters.MutationsExecuted);
    }

    [Fact]
    public void Many_users_go_in_few_batched_requests()
    {
        var (cohortId, idNumber) = NewCohort("bulk");
        var users = Enumerable.Range(0, 120).Select(i => _site.Seed(UserTestData.UniqueName("bk"))).ToList();
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        var output = ps.Run("param($Cohort, $Names) $Names | Add-TotaraCohortMember -Cohort $Cohort",
            UserTestData.Params(("Cohort", idNumber), ("Names", users.Select(u => u.Username).ToArray()))).AssertNoErrors().Output;

        Assert.Equal(120, output.Count);
        Assert.All(output, o => Assert.Equal("Added", ResultOf(o)));
        Assert.Equal(120, _site.Host.State.Cohorts.MemberCount(cohortId));
        Assert.True(_site.Host.Counters.Requests <= 6, $"{_site.Host.Counters.Requests} requests for 120 users: not batched.");
    }
}

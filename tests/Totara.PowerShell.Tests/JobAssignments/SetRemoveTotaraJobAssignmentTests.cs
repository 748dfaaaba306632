using System.Management.Automation;
using Totara.PowerShell.Tests.TestSupport;
using Totara.PowerShell.Tests.Users;

namespace Totara.PowerShell.Tests.JobAssignments;

/// <summary>Set- and Remove-TotaraJobAssignment against the emulator over HTTP.</summary>
public sealed class SetRemoveTotaraJobAssignmentTests : IClassFixture<EmulatorRunspaceFixture>
{
    private readonly EmulatorRunspaceFixture _site;

    public SetRemoveTotaraJobAssignmentTests(EmulatorRunspaceFixture site) => _site = site;

    /// <summary>People p[0..n) each with job 'J' (p[0] managed by p[1], with position and name set).</summary>
    private (string[] People, ModuleRunspace Shell) Setup(string prefix, int count)
    {
        var p = _site.People(prefix, count);
        var ps = _site.NewConnectedRunspace();
        ps.Run("""
            param($P)
            foreach ($person in $P[1..($P.Count - 1)]) { $null = New-TotaraJobAssignment -UserIdNumber $person -IdNumber 'J' }
            $null = New-TotaraJobAssignment -UserIdNumber $P[0] -IdNumber 'J' -FullName 'Analyst' -PositionIdNumber 'POS-CEO' -ManagerIdNumber $P[1]
            """, UserTestData.Params(("P", p))).AssertNoErrors();
        return (p, ps);
    }

    [Fact]
    public void Set_sends_only_the_fields_given_and_empty_cells_keep_what_the_site_has()
    {
        var (p, ps) = Setup("only", 3);
        using var _ = ps;

        var job = ps.Run("""
            param($P)
            [pscustomobject]@{ useridnumber = $P[0]; idnumber = 'J'; fullname = ''; posidnumber = ''; orgidnumber = 'ORG1'; manageridnumber = $P[2] } |
                Set-TotaraJobAssignment
            """, UserTestData.Params(("P", p))).AssertNoErrors().Output.Single();

        Assert.Equal("Analyst", job.Get("FullName"));
        Assert.Equal("POS-CEO", job.Get("PositionIdNumber"));
        Assert.Equal("ORG1", job.Get("OrganisationIdNumber"));
        Assert.Equal(p[2], job.Get("ManagerIdNumber"));
        Assert.Equal(_site.JobOf(p[2], "J").Id, _site.JobOf(p[0], "J").ManagerJaId);
    }

    [Fact]
    public void An_empty_value_on_the_command_line_clears_the_field()
    {
        var (p, ps) = Setup("clear", 2);
        using var _ = ps;

        var job = ps.Run("param($P) Set-TotaraJobAssignment -UserIdNumber $P[0] -IdNumber 'J' -PositionIdNumber '' -ManagerIdNumber ''",
            UserTestData.Params(("P", p))).AssertNoErrors().Output.Single();

        Assert.Null(job.Get("PositionIdNumber"));
        Assert.Null(job.Get("ManagerIdNumber"));
        Assert.Null(_site.JobOf(p[0], "J").ManagerJaId);
    }

    [Fact]
    public void A_piped_assignment_is_changed_by_id_and_its_other_properties_are_not_sent_again()
    {
        var (p, ps) = Setup("piped", 2);
        using var _ = ps;
        // Change the manager on the site behind the pipeline's back: resending the piped object's manager would undo it.
        ps.Run("param($P) $job = Get-TotaraJobAssignment -UserIdNumber $P[0]; $null = Set-TotaraJobAssignment -UserIdNumber $P[0] -IdNumber 'J' -ManagerIdNumber ''; $job | Set-TotaraJobAssignment -NewIdNumber 'J2' -FullName 'Lead'",
            UserTestData.Params(("P", p))).AssertNoErrors();

        var stored = _site.JobOf(p[0], "J2");
        Assert.Equal("Lead", stored.FullName);
        Assert.Null(stored.ManagerJaId);
        Assert.NotNull(stored.PositionId);
    }

    [Fact]
    public void An_unknown_assignment_and_a_loop_through_the_site_are_errors_naming_record_and_field_and_the_rest_go_on()
    {
        var (p, ps) = Setup("unknown", 3);
        using var _ = ps;

        var result = ps.Run("""
            param($P)
            @([pscustomobject]@{ useridnumber = $P[0]; idnumber = 'NOPE'; fullname = 'x' },
              [pscustomobject]@{ useridnumber = $P[1]; idnumber = 'J'; manageridnumber = $P[0] },
              [pscustomobject]@{ useridnumber = $P[2]; idnumber = 'J'; fullname = 'Fine' }) | Set-TotaraJobAssignment
            """, UserTestData.Params(("P", p)));

        Assert.Equal(2, result.Errors.Count);
        Assert.StartsWith("TotaraJobAssignmentNotFound,", result.Errors[0].FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors[0].CategoryInfo.Category);
        Assert.Contains("Record 1 (job 'NOPE'", result.Errors[0].Exception.Message);
        // p[0] is managed by p[1]: p[1] managed by p[0] would close a loop, which the site refuses.
        Assert.Contains("Record 2", result.Errors[1].Exception.Message);
        Assert.Contains("field ManagerIdNumber", result.Errors[1].Exception.Message);
        Assert.Contains("loop", result.Errors[1].Exception.Message);
        Assert.Equal("Fine", Assert.Single(result.Output).Get("FullName"));
    }

    [Fact]
    public void Set_with_nothing_to_change_is_refused_and_WhatIf_sends_nothing()
    {
        var (p, ps) = Setup("nothing", 2);
        using var _ = ps;
        _site.Host.Counters.Reset();

        var result = ps.Run("param($P) Set-TotaraJobAssignment -UserIdNumber $P[0] -IdNumber 'J'; Set-TotaraJobAssignment -UserIdNumber $P[0] -IdNumber 'J' -FullName 'Changed' -WhatIf",
            UserTestData.Params(("P", p)));

        Assert.Contains("no field to change", Assert.Single(result.Errors).Exception.Message);
        Assert.Equal(0, _site.Host.Counters.MutationsExecuted);
        Assert.Equal("Analyst", _site.JobOf(p[0], "J").FullName);
    }

    [Fact]
    public void Remove_deletes_rows_and_piped_assignments_and_their_staff_lose_the_manager()
    {
        var (p, ps) = Setup("remove", 3);
        using var _ = ps;

        var result = ps.Run("""
            param($P)
            [pscustomobject]@{ useridnumber = $P[1]; idnumber = 'J' } | Remove-TotaraJobAssignment -Confirm:$false
            Get-TotaraJobAssignment -UserIdNumber $P[2] | Remove-TotaraJobAssignment -Confirm:$false
            [pscustomobject]@{ useridnumber = $P[2]; idnumber = 'gone-already' } | Remove-TotaraJobAssignment -Confirm:$false
            """, UserTestData.Params(("P", p)));

        Assert.StartsWith("TotaraJobAssignmentNotFound,", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.Empty(result.Output);
        Assert.Empty(_site.JobsOf(p[1]));
        Assert.Empty(_site.JobsOf(p[2]));
        Assert.Null(_site.JobOf(p[0], "J").ManagerJaId);
    }

    [Fact]
    public void Remove_is_high_impact_and_WhatIf_sends_nothing()
    {
        var (p, ps) = Setup("rmwhatif", 2);
        using var _ = ps;
        _site.Host.Counters.Reset();

        ps.Run("param($P) Remove-TotaraJobAssignment -UserIdNumber $P[0] -IdNumber 'J' -WhatIf", UserTestData.Params(("P", p))).AssertNoErrors();

        var impact = ps.Run("(Get-Command Remove-TotaraJobAssignment).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact")
            .AssertNoErrors().Output.Single().BaseObject;
        Assert.Equal(ConfirmImpact.High, impact);
        Assert.Equal(0, _site.Host.Counters.MutationsExecuted);
        Assert.Single(_site.JobsOf(p[0]));
    }
}

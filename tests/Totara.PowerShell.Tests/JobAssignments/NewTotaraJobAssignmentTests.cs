using System.Management.Automation;
using Totara.PowerShell.Tests.TestSupport;
using Totara.PowerShell.Tests.Users;

namespace Totara.PowerShell.Tests.JobAssignments;

/// <summary>New-TotaraJobAssignment against the emulator over HTTP: HR Import rows, manager-first order, cycles, per-record errors, -WhatIf.</summary>
public sealed class NewTotaraJobAssignmentTests : IClassFixture<EmulatorRunspaceFixture>
{
    private readonly EmulatorRunspaceFixture _site;

    public NewTotaraJobAssignmentTests(EmulatorRunspaceFixture site) => _site = site;

    // HR Import's job-assignment columns, as Import-Csv would give them (strings; empty cells as '').
    private const string Row = """
        function Row($idnumber, $useridnumber, $manageridnumber = '', $managerjob = '', $fullname = '', $posidnumber = '', $orgidnumber = '', $startdate = '') {
            [pscustomobject]@{ idnumber = $idnumber; useridnumber = $useridnumber; fullname = $fullname; posidnumber = $posidnumber
                orgidnumber = $orgidnumber; manageridnumber = $manageridnumber; managerjobassignmentidnumber = $managerjob
                appraiseridnumber = ''; tempmanageridnumber = ''; tempmanagerexpirydate = ''; startdate = $startdate; enddate = '' }
        }
        """;

    [Fact]
    public void HR_rows_pipe_straight_in_and_a_manager_given_later_in_the_input_is_created_first()
    {
        var p = _site.People("hr", 3);
        using var ps = _site.NewConnectedRunspace();

        var output = ps.Run("param($P)\n" + Row + """
            @(
                (Row 'J-STAFF' $P[0] $P[1] 'J-MID' 'Analyst' 'POS-CEO' 'ORG1' '2024-03-01'),
                (Row 'J-MID' $P[1] $P[2] 'J-TOP' 'Team lead'),
                (Row 'J-TOP' $P[2] '' '' 'Director' '' '' '01/02/2024')
            ) | New-TotaraJobAssignment
            """, UserTestData.Params(("P", p))).AssertNoErrors().Output;

        Assert.Equal(3, output.Count);
        Assert.All(output, o => Assert.Equal("Totara.PowerShell.JobAssignments.TotaraJobAssignment", o.BaseObject.GetType().FullName));
        // Results come back in input order, whatever order they were sent in.
        Assert.Equal(new[] { "J-STAFF", "J-MID", "J-TOP" }, output.Select(o => (string)o.Get("IdNumber")!));
        var staff = output[0];
        Assert.Equal(("POS-CEO", "ORG1", "Analyst"), ((string)staff.Get("PositionIdNumber")!, (string)staff.Get("OrganisationIdNumber")!, (string)staff.Get("FullName")!));
        Assert.Equal((p[1], "J-MID"), ((string)staff.Get("ManagerIdNumber")!, (string)staff.Get("ManagerJobAssignmentIdNumber")!));
        Assert.Equal(new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc), staff.Get("StartDate"));
        Assert.Equal(new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc), output[2].Get("StartDate")); // dd/MM/yyyy, HR Import's default
        Assert.Equal(_site.JobOf(p[1], "J-MID").Id, _site.JobOf(p[0], "J-STAFF").ManagerJaId);
        Assert.Equal(_site.JobOf(p[2], "J-TOP").Id, _site.JobOf(p[1], "J-MID").ManagerJaId);
    }

    [Fact]
    public void A_manager_named_without_a_job_is_their_first_assignment_on_the_site_or_the_first_created_in_the_batch()
    {
        var p = _site.People("first", 4);
        using var ps = _site.NewConnectedRunspace();
        ps.Run("param($P) $null = New-TotaraJobAssignment -UserIdNumber $P[0] -IdNumber 'A1'; $null = New-TotaraJobAssignment -UserIdNumber $P[0] -IdNumber 'A2'",
            UserTestData.Params(("P", p))).AssertNoErrors();

        ps.Run("param($P)\n" + Row + """
            @((Row 'W1' $P[1] $P[0]), (Row 'W2' $P[2] $P[3]), (Row 'M1' $P[3])) | New-TotaraJobAssignment
            """, UserTestData.Params(("P", p))).AssertNoErrors();

        Assert.Equal(_site.JobOf(p[0], "A1").Id, _site.JobOf(p[1], "W1").ManagerJaId);
        Assert.Equal(_site.JobOf(p[3], "M1").Id, _site.JobOf(p[2], "W2").ManagerJaId);
    }

    [Fact]
    public void A_management_cycle_is_refused_before_sending_naming_its_records_and_the_rest_is_created()
    {
        var p = _site.People("cyc", 4);
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        var result = ps.Run("param($P)\n" + Row + """
            @((Row 'C1' $P[0] $P[1] 'C2'), (Row 'OK' $P[3]), (Row 'C2' $P[1] $P[2] 'C3'), (Row 'C3' $P[2] $P[0] 'C1')) | New-TotaraJobAssignment
            """, UserTestData.Params(("P", p)));

        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.StartsWith("TotaraManagementCycle,", e.FullyQualifiedErrorId));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category));
        var message = result.Errors[0].Exception.Message;
        Assert.Contains("record 1 (job 'C1'", message);
        Assert.Contains("record 3 (job 'C2'", message);
        Assert.Contains("record 4 (job 'C3'", message);
        Assert.Contains("field ManagerIdNumber", message);
        Assert.Equal("C1", ((PSObject)result.Errors[0].TargetObject).Properties["idnumber"].Value);
        Assert.Equal("OK", (string)Assert.Single(result.Output).Get("IdNumber")!);
        Assert.Equal(1, _site.Host.Counters.MutationsExecuted);
        Assert.Empty(_site.JobsOf(p[0]));
    }

    [Fact]
    public void Reference_errors_name_the_record_and_the_field_and_the_other_records_are_created()
    {
        var p = _site.People("ref", 3);
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("param($P)\n" + Row + """
            @((Row 'R1' $P[0] '' '' '' 'NO-SUCH-POS'), (Row 'R2' $P[1]), (Row 'R3' 'NO-SUCH-USER'), (Row 'R4' $P[2] '' '' '' '' 'NO-SUCH-ORG'),
              (Row 'R5' $P[1] '' '' '' '' '' 'not a date')) | New-TotaraJobAssignment
            """, UserTestData.Params(("P", p)));

        Assert.Equal(4, result.Errors.Count);
        var byRecord = result.Errors.ToDictionary(e => (string)((PSObject)e.TargetObject).Properties["idnumber"].Value);
        Assert.Contains("Record 1 (job 'R1'", byRecord["R1"].Exception.Message);
        Assert.Contains("field PositionIdNumber", byRecord["R1"].Exception.Message);
        Assert.Contains("Position reference not found", byRecord["R1"].Exception.Message);
        Assert.Contains("field UserIdNumber", byRecord["R3"].Exception.Message);
        Assert.Contains("field OrganisationIdNumber", byRecord["R4"].Exception.Message);
        Assert.StartsWith("TotaraInvalidInput,", byRecord["R5"].FullyQualifiedErrorId);
        Assert.Contains("field StartDate", byRecord["R5"].Exception.Message);
        Assert.Contains("'not a date' is not a date", byRecord["R5"].Exception.Message);
        Assert.Equal("R2", (string)Assert.Single(result.Output).Get("IdNumber")!);
        Assert.Empty(_site.JobsOf(p[0]));
        Assert.Single(_site.JobsOf(p[1]));
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        var p = _site.People("whatif", 2);
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        var result = ps.Run("param($P)\n" + Row + "@((Row 'W1' $P[0] $P[1]), (Row 'W2' $P[1])) | New-TotaraJobAssignment -WhatIf",
            UserTestData.Params(("P", p))).AssertNoErrors();

        Assert.Empty(result.Output);
        Assert.Equal(0, _site.Host.Counters.MutationsExecuted);
        Assert.Empty(_site.JobsOf(p[0]));
    }

    [Fact]
    public void A_repeated_row_is_refused_and_a_piped_user_is_refused_with_a_hint()
    {
        var p = _site.People("dup", 1);
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("param($P)\n" + Row + """
            @((Row 'D1' $P[0]), (Row 'D1' $P[0])) | New-TotaraJobAssignment
            Get-TotaraUser -Identity $P[0] | New-TotaraJobAssignment -IdNumber 'X'
            """, UserTestData.Params(("P", p)));

        Assert.Equal(2, result.Errors.Count);
        Assert.StartsWith("TotaraDuplicateInput,", result.Errors[0].FullyQualifiedErrorId);
        Assert.Contains("already given by record 1", result.Errors[0].Exception.Message);
        Assert.Contains("pipe job-assignment records", result.Errors[1].Exception.Message);
        Assert.Single(_site.JobsOf(p[0]));
    }

    [Fact]
    public void Parameters_name_the_user_manager_appraiser_and_temporary_manager_by_username()
    {
        var p = _site.People("named", 3);
        var names = p.Select(id => _site.Host.State.Users.Snapshot(u => u.IdNumber == id).Single().Username).ToArray();
        using var ps = _site.NewConnectedRunspace();

        var job = ps.Run("""
            param($N)
            $null = New-TotaraJobAssignment -User $N[1] -IdNumber 'BOSS'
            New-TotaraJobAssignment -User $N[0] -IdNumber 'W' -FullName 'Worker' -Manager $N[1] -Appraiser $N[2] -TempManager $N[1] -TempManagerJobAssignmentIdNumber 'BOSS' -TempManagerExpiryDate ([datetime]::UtcNow.AddDays(10))
            """, UserTestData.Params(("N", names))).AssertNoErrors().Output.Single();

        Assert.Equal(names[1], job.Get("ManagerUsername"));
        Assert.Equal(names[1], job.Get("TempManagerUsername"));
        Assert.Equal(names[2], job.Get("AppraiserUsername"));
        Assert.Equal("W (" + names[0] + ")", job.BaseObject.ToString());
    }

    [Fact]
    public void A_manager_row_after_more_staff_rows_than_one_request_holds_is_still_created_first()
    {
        var p = _site.People("wide", 61);
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        // A small complexity limit: about two dozen creates per request, so the 61 rows span several requests.
        var output = ps.Run("param($P, $Url, $Id, $Secret)\n" + Row + """
            $small = Connect-Totara -Url $Url -ClientId $Id -ClientSecret $Secret -MaxComplexity 1500 -PassThru
            $rows = foreach ($i in 1..60) { Row "S$i" $P[$i] $P[0] 'BOSS' }
            @($rows) + @(Row 'BOSS' $P[0]) | New-TotaraJobAssignment -Session $small
            """, UserTestData.Params(("P", p), ("Url", _site.Url), ("Id", EmulatorRunspaceFixture.ClientId), ("Secret", SecureStrings.From(_site.ClientSecret))))
            .AssertNoErrors().Output;

        Assert.Equal(61, output.Count);
        Assert.True(_site.Host.Counters.Requests >= 3, $"only {_site.Host.Counters.Requests} requests: the rows did not span several");
        var boss = _site.JobOf(p[0], "BOSS").Id;
        Assert.All(Enumerable.Range(1, 60), i => Assert.Equal(boss, _site.JobOf(p[i], "S" + i).ManagerJaId));
    }

    [Fact]
    public void A_rerun_refuses_the_assignments_that_exist_before_sending_and_creates_only_the_new_ones()
    {
        var p = _site.People("rerun", 3);
        using var ps = _site.NewConnectedRunspace();
        ps.Run("param($P)\n" + Row + "$null = @((Row 'A' $P[0]), (Row 'B' $P[1])) | New-TotaraJobAssignment", UserTestData.Params(("P", p))).AssertNoErrors();
        _site.Host.Counters.Reset();

        var result = ps.Run("param($P)\n" + Row + "@((Row 'A' $P[0]), (Row 'C' $P[2]), (Row 'B' $P[1])) | New-TotaraJobAssignment", UserTestData.Params(("P", p)));

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.StartsWith("TotaraJobAssignmentExists,", e.FullyQualifiedErrorId));
        Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.ResourceExists, e.CategoryInfo.Category));
        Assert.Contains("already has a job assignment 'A'", result.Errors[0].Exception.Message);
        Assert.Equal("C", (string)Assert.Single(result.Output).Get("IdNumber")!);
        // Only the new row was sent: no request carried a failing alias.
        Assert.Equal(1, _site.Host.Counters.MutationsExecuted);
    }
}

using System.Management.Automation;
using Totara.PowerShell.Tests.TestSupport;
using Totara.PowerShell.Tests.Users;

namespace Totara.PowerShell.Tests.JobAssignments;

/// <summary>Get-TotaraJobAssignment against the emulator over HTTP: by user, by idnumber, by id, the list, the pipeline.</summary>
public sealed class GetTotaraJobAssignmentTests : IClassFixture<EmulatorRunspaceFixture>
{
    private readonly EmulatorRunspaceFixture _site;

    public GetTotaraJobAssignmentTests(EmulatorRunspaceFixture site) => _site = site;

    private static IEnumerable<string> IdNumbers(IEnumerable<PSObject> jobs) => jobs.Select(j => (string)j.Get("IdNumber")!);

    private (string[] People, string[] Usernames, ModuleRunspace Shell) Setup(string prefix)
    {
        var p = _site.People(prefix, 2);
        var names = p.Select(id => _site.Host.State.Users.Snapshot(u => u.IdNumber == id).Single().Username).ToArray();
        var ps = _site.NewConnectedRunspace();
        ps.Run("""
            param($P)
            $null = New-TotaraJobAssignment -UserIdNumber $P[0] -IdNumber 'FIRST' -FullName 'First job'
            $null = New-TotaraJobAssignment -UserIdNumber $P[1] -IdNumber 'OTHER'
            $null = Set-TotaraJobAssignment -UserIdNumber $P[0] -IdNumber 'FIRST' -ManagerIdNumber $P[1]
            """, UserTestData.Params(("P", p)));
        return (p, names, ps);
    }

    [Fact]
    public void By_user_in_the_users_order_and_filtered_by_idnumber()
    {
        var (p, names, ps) = Setup("byuser");
        using var _ = ps;
        ps.Run("param($P) $null = New-TotaraJobAssignment -UserIdNumber $P[0] -IdNumber 'SECOND'", UserTestData.Params(("P", p))).AssertNoErrors();

        var all = ps.Run("param($P) Get-TotaraJobAssignment -UserIdNumber $P[0]", UserTestData.Params(("P", p))).AssertNoErrors().Output;
        var byName = ps.Run("param($N) Get-TotaraJobAssignment -User $N[0] -IdNumber 'SECOND'", UserTestData.Params(("N", names))).AssertNoErrors().Output;

        Assert.Equal(new[] { "FIRST", "SECOND" }, IdNumbers(all));
        Assert.Equal(p[1], all[0].Get("ManagerIdNumber"));
        Assert.Equal("OTHER", all[0].Get("ManagerJobAssignmentIdNumber"));
        Assert.Equal(names[1], all[0].Get("ManagerUsername"));
        Assert.Equal(names[0], all[0].Get("Username"));
        Assert.Equal("SECOND", IdNumbers(byName).Single());
    }

    [Fact]
    public void By_idnumber_alone_or_by_id_reads_the_list_and_the_list_streams_everything()
    {
        var (p, _, ps) = Setup("byid");
        using var __ = ps;
        var id = _site.JobOf(p[1], "OTHER").Id;

        var byIdNumber = ps.Run("param($P) Get-TotaraJobAssignment -IdNumber 'OTHER' | Where-Object { $_.UserIdNumber -eq $P[1] }", UserTestData.Params(("P", p))).AssertNoErrors().Output;
        var byId = ps.Run("param($Id) Get-TotaraJobAssignment -Id $Id", UserTestData.Params(("Id", id))).AssertNoErrors().Output;
        var listed = ps.Run("Get-TotaraJobAssignment").AssertNoErrors().Output;
        var newestFirst = ps.Run("Get-TotaraJobAssignment -Descending").AssertNoErrors().Output;

        Assert.Equal(id, (long)Assert.Single(byIdNumber).Get("Id")!);
        Assert.Equal(id, (long)Assert.Single(byId).Get("Id")!);
        Assert.Equal(_site.Host.State.Jobs.Count, listed.Count);
        Assert.Equal(listed.Select(j => (long)j.Get("Id")!).Reverse(), newestFirst.Select(j => (long)j.Get("Id")!));
    }

    [Fact]
    public void Piped_users_rows_and_assignments_are_read_and_unknowns_are_errors_naming_the_input()
    {
        var (p, names, ps) = Setup("pipe");
        using var _ = ps;

        var result = ps.Run("""
            param($P, $N)
            Get-TotaraUser -Identity $N[1] | Get-TotaraJobAssignment
            [pscustomobject]@{ useridnumber = $P[0]; idnumber = 'FIRST' } | Get-TotaraJobAssignment
            Get-TotaraJobAssignment -UserIdNumber $P[1] | Get-TotaraJobAssignment
            [pscustomobject]@{ useridnumber = 'nobody-has-this' } | Get-TotaraJobAssignment
            Get-TotaraJobAssignment -UserIdNumber $P[0] -IdNumber 'MISSING'
            """, UserTestData.Params(("P", p), ("N", names)));

        Assert.Equal(new[] { "OTHER", "FIRST", "OTHER" }, IdNumbers(result.Output));
        Assert.Equal(2, result.Errors.Count);
        Assert.StartsWith("TotaraUserNotFound,", result.Errors[0].FullyQualifiedErrorId);
        Assert.Equal("nobody-has-this", ((PSObject)result.Errors[0].TargetObject).Properties["useridnumber"].Value);
        Assert.StartsWith("TotaraJobAssignmentNotFound,", result.Errors[1].FullyQualifiedErrorId);
        Assert.Contains("'MISSING'", result.Errors[1].Exception.Message);
    }
}

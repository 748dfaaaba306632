using static Totara.PowerShell.Tests.Sync.SyncSite;

namespace Totara.PowerShell.Tests.Sync;

/// <summary>Job assignments: manager-first creation, cycles and unknown managers refused per row, convergence.</summary>
public sealed class SyncJobAssignmentTests
{
    private static (string, object?)[] Job(string job, string? manager = null, string position = "POS-1", string organisation = "ORG-1") => new (string, object?)[]
    {
        ("jobassignmentidnumber", job), ("jobassignmentfullname", "Job " + job), ("jobassignmentstartdate", "2024-03-01"),
        ("posidnumber", position), ("orgidnumber", organisation), ("manageridnumber", manager ?? ""),
    };

    private static void SeedHierarchy(SyncSite site)
    {
        var positions = site.Host.State.Positions;
        positions.AddItem(positions.AddFramework("Positions", "PF"), "Position one", "POS-1");
        var organisations = site.Host.State.Organisations;
        organisations.AddItem(organisations.AddFramework("Organisations", "OF"), "Organisation one", "ORG-1");
    }

    [Fact]
    public async Task Assignments_are_created_manager_first_whatever_the_row_order_and_a_second_run_plans_nothing()
    {
        await using var site = await StartAsync();
        SeedHierarchy(site);
        using var ps = site.Connect();
        // The report comes first, the top manager last: the sync still creates managers' jobs first.
        var rows = Rows(Row("E3", more: Job("J3", "E2")), Row("E2", more: Job("J2", "E1")), Row("E1", more: Job("J1")));

        var result = ps.Run("param($Rows) $Rows | Invoke-TotaraSync", rows).AssertNoErrors();

        var jobs = result.Changes().Where(c => c.S("RecordType") == "JobAssignment").ToList();
        Assert.Equal(new[] { "E1", "E2", "E3" }, jobs.Select(c => c.S("Key")));
        Assert.All(jobs, c => Assert.Equal(("CreateJobAssignment", "Applied"), (c.S("Action"), c.S("Outcome"))));
        var e3 = site.ByIdNumber("E3")!;
        var j3 = Assert.Single(site.Host.State.Jobs.ForUser(e3.Id));
        var j2 = Assert.Single(site.Host.State.Jobs.ForUser(site.ByIdNumber("E2")!.Id));
        Assert.Equal(("J3", j2.Id), (j3.IdNumber, j3.ManagerJaId!.Value));
        Assert.NotNull(j3.PositionId);

        var again = ps.Run("param($Rows) $Rows | Invoke-TotaraSync -Summary", rows).AssertNoErrors();
        Assert.Equal(0, again.Summary().N("Planned"));

        // A new manager for E3: one update of the manager field only.
        var moved = ps.Run("param($Rows) $Rows | Invoke-TotaraSync",
            Rows(Row("E3", more: Job("J3", "E1")), Row("E2", more: Job("J2", "E1")), Row("E1", more: Job("J1")))).AssertNoErrors();
        var update = Assert.Single(moved.Changes());
        Assert.Equal(("UpdateJobAssignment", "manager: 'E2/J2' -> 'E1/J1'"), (update.S("Action"), update.S("Changes")));
        Assert.Equal(site.Host.State.Jobs.ForUser(site.ByIdNumber("E1")!.Id).Single().Id, site.Host.State.Jobs.ForUser(e3.Id).Single().ManagerJaId);
    }

    [Fact]
    public async Task Management_cycles_are_refused_naming_the_chain_and_unknown_managers_naming_the_manager()
    {
        await using var site = await StartAsync();
        SeedHierarchy(site);
        using var ps = site.Connect();

        var result = ps.Run("param($Rows) $Rows | Invoke-TotaraSync", Rows(
            Row("C1", more: Job("JC1", "C2")), Row("C2", more: Job("JC2", "C3")), Row("C3", more: Job("JC3", "C1")),
            Row("E1", more: Job("J1", "NOBODY")), Row("E2", more: Job("J2"))));

        Assert.Equal(new[] { "E2", "E2" }, result.Changes().Select(c => c.S("Key")));
        Assert.Equal(4, result.Errors.Count);
        Assert.All(result.Errors.Take(3), e => Assert.Contains("management cycle C1 -> C2 -> C3 -> C1", e.Exception.Message));
        Assert.StartsWith("Row 1 (idnumber 'C1'), field manageridnumber:", result.Errors[0].Exception.Message);
        Assert.Equal("Row 4 (idnumber 'E1'), field manageridnumber: manager 'NOBODY' is not in the source or on the site.", result.Errors[3].Exception.Message);
        Assert.Null(site.ByIdNumber("C1"));
        Assert.Null(site.ByIdNumber("E1"));
    }

    [Fact]
    public async Task An_unknown_position_fails_that_assignment_only_naming_the_row()
    {
        await using var site = await StartAsync();
        SeedHierarchy(site);
        using var ps = site.Connect();

        var result = ps.Run("param($Rows) $Rows | Invoke-TotaraSync",
            Rows(Row("E1", more: Job("J1")), Row("E2", more: Job("J2", position: "NO-SUCH-POSITION"))));

        var failed = result.Changes().Single(c => c.S("Outcome") == "Failed");
        Assert.Equal(("CreateJobAssignment", "E2"), (failed.S("Action"), failed.S("Key")));
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("TotaraSyncChangeFailed,", error.FullyQualifiedErrorId);
        Assert.StartsWith("Row 2 (E2): CreateJobAssignment failed:", error.Exception.Message);
        Assert.Single(site.Host.State.Jobs.ForUser(site.ByIdNumber("E1")!.Id));
        Assert.Empty(site.Host.State.Jobs.ForUser(site.ByIdNumber("E2")!.Id));
    }
}

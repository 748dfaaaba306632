using Totara.Emulator;
using static Totara.PowerShell.Tests.Sync.SyncSite;

namespace Totara.PowerShell.Tests.Sync;

/// <summary>Totara to Totara through two sessions, and convergence while the network misbehaves.</summary>
public sealed class SyncSitesAndFaultsTests
{
    [Fact]
    public async Task Users_of_one_site_sync_to_another_through_two_sessions()
    {
        await using var hq = await StartAsync();
        await using var branch = await StartAsync();
        hq.Seed("E1", configure: u => { u.Department = "Sales"; u.Country = "NZ"; });
        hq.Seed("E2", configure: u => u.City = "Nelson");
        hq.Seed("E3", configure: u => u.Suspended = true);
        branch.Seed("E2", configure: u => u.City = "Napier");
        branch.Seed("E9");
        using var ps = hq.Connect(variable: "Hq");
        branch.Connect(ps, "Branch");

        var script = """
            Get-TotaraUser -Session $Hq -Status All -Property Department, City, Country |
                Where-Object { $_.IdNumber } |
                Invoke-TotaraSync -Session $Branch -SourceIsComplete -MaxRemovals 1
            """;
        var result = ps.Run(script).AssertNoErrors();

        Assert.Equal(new[] { "Create E1", "Create E3", "Update E2", "Suspend E9" }, result.Changes().Select(c => $"{c.S("Action")} {c.S("Key")}"));
        var e1 = branch.ByIdNumber("E1")!;
        Assert.Equal(("Sales", "NZ"), (e1.Department, e1.Country));
        Assert.Equal("Nelson", branch.ByIdNumber("E2")!.City);
        Assert.True(branch.ByIdNumber("E3")!.Suspended);
        Assert.True(branch.ByIdNumber("E9")!.Suspended);
        Assert.Null(hq.ByIdNumber("E9"));

        // Idempotent: the same pipeline again plans nothing, and sends no mutation to either site.
        var mutations = branch.Host.Counters.MutationsExecuted;
        var again = ps.Run(script.Replace("-MaxRemovals 1", "-MaxRemovals 1 -Summary")).AssertNoErrors();
        Assert.Equal(0, again.Summary().N("Planned"));
        Assert.Equal(mutations, branch.Host.Counters.MutationsExecuted);
        Assert.Equal(0, hq.Host.Counters.MutationsExecuted);
    }

    [Fact]
    public async Task Under_server_errors_dropped_connections_and_expiring_tokens_runs_converge_without_duplicates()
    {
        await using var site = await StartAsync();
        var sales = site.Host.State.Cohorts.Add("Sales", "SALES");
        for (var i = 1; i <= 30; i++) site.Seed($"F{i:00}");
        using var ps = site.Connect();
        var state = Path.Combine(Path.GetTempPath(), "totara-sync-faults-" + Guid.NewGuid().ToString("N") + ".json");
        var rows = Enumerable.Range(1, 60).Select(i => Row($"F{i:00}", department: i % 2 == 0 ? "Even" : "Odd",
            more: ("Audiences", i % 3 == 0 ? "SALES" : ""))).ToArray();
        site.Host.Switches.FaultRate = 0.10;
        site.Host.Switches.DropRate = 0.05;
        site.Host.Switches.TokenLifetime = TimeSpan.FromSeconds(2);

        try
        {
            var script = "param($Rows, $State) $Rows | Invoke-TotaraSync -CohortMode Exact -StatePath $State -Summary -ErrorAction SilentlyContinue";
            var failed = -1;
            for (var run = 0; run < 6 && failed != 0; run++)
            {
                var result = ps.Run(script, new() { ["Rows"] = rows, ["State"] = state });
                Assert.Null(result.TerminatingError);
                failed = result.Output.Count == 0 ? -1 : result.Summary().N("Failed");
            }
            Assert.Equal(0, failed);
            Assert.True(site.Host.Counters.ServerErrorsSent + site.Host.Counters.ConnectionsDropped > 0, "the faults were not injected");

            site.Host.Switches.FaultRate = 0;
            site.Host.Switches.DropRate = 0;
            var users = site.WithPrefix("F");
            Assert.Equal(60, users.Count);
            Assert.Equal(60, users.Select(u => u.Username).Distinct().Count());
            Assert.All(users, u => Assert.Equal(int.Parse(u.IdNumber![1..]) % 2 == 0 ? "Even" : "Odd", u.Department));
            Assert.Equal(20, site.Host.State.Cohorts.MemberCount(sales.Id));
            var final = ps.Run("param($Rows, $State) $Rows | Invoke-TotaraSync -CohortMode Exact -StatePath $State -Summary",
                new() { ["Rows"] = rows, ["State"] = state }).AssertNoErrors();
            Assert.Equal(0, final.Summary().N("Planned"));
            Assert.Equal(0, site.Host.Counters.TooManyRequestsSent);
        }
        finally
        {
            File.Delete(state);
        }
    }
}

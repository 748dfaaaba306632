using System.Management.Automation;
using static Totara.PowerShell.Tests.Sync.SyncSite;

namespace Totara.PowerShell.Tests.Sync;

/// <summary>Ctrl+C during apply, and -WhatIf over the guard.</summary>
public sealed class SyncStopTests
{
    [Fact]
    public async Task Ctrl_C_stops_after_the_batch_in_flight_says_what_was_done_and_a_rerun_finishes()
    {
        await using var site = await StartAsync();
        using var ps = site.Connect();
        var rows = Enumerable.Range(1, 1500).Select(i => Row($"S{i:0000}")).ToArray();
        site.Host.Switches.LatencyMs = 300;
        List<string> warnings;
        List<InformationRecord> information;
        try
        {
            using var shell = System.Management.Automation.PowerShell.Create();
            shell.Runspace = ps.Runspace;
            shell.AddScript("param($Rows) $Rows | Invoke-TotaraSync").AddParameter("Rows", rows);
            var running = shell.BeginInvoke();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (site.Host.Counters.MutationsExecuted == 0 && DateTime.UtcNow < deadline) Thread.Sleep(20);
            shell.Stop();
            Assert.ThrowsAny<PipelineStoppedException>(() => { shell.EndInvoke(running); });
            warnings = shell.Streams.Warning.Select(w => w.Message).ToList();
            information = shell.Streams.Information.ToList();
        }
        finally
        {
            site.Host.Switches.LatencyMs = 0;
        }

        var created = site.WithPrefix("S").Count;
        Assert.InRange(created, 1, 1499);
        // This runspace has no console: what was done must reach the warning stream and the summary.
        var stopped = Assert.Single(warnings, w => w.StartsWith("Invoke-TotaraSync stopped"));
        Assert.Contains($"{created} change(s) applied, 0 failed, {1500 - created} not sent", stopped);
        var summary = new PSObject(Assert.Single(information, i => i.Tags.Contains("TotaraSyncSummary")).MessageData);
        Assert.Equal(("True", created, 1500 - created), (summary.S("Stopped"), summary.N("Created"), summary.N("Skipped")));
        var requests = site.Host.Counters.Requests;
        Thread.Sleep(500);
        Assert.Equal(requests, site.Host.Counters.Requests);

        var rerun = ps.Run("param($Rows) $Rows | Invoke-TotaraSync -Summary", new() { ["Rows"] = rows }).AssertNoErrors();
        Assert.Equal(1500 - created, rerun.Summary().N("Created"));
        Assert.Equal(1500, site.WithPrefix("S").Select(u => u.Username).Distinct().Count());
    }

    [Fact]
    public async Task A_downstream_Select_First_ends_the_run_after_the_batch_in_flight_and_a_rerun_finishes()
    {
        await using var site = await StartAsync();
        // A small complexity limit cuts the 60 creates into several batches.
        using var ps = site.Connect(moreParameters: "-MaxComplexity 200");
        var rows = Enumerable.Range(1, 60).Select(i => Row($"F{i:00}")).ToArray();

        var result = ps.Run("param($Rows) $Rows | Invoke-TotaraSync | Select-Object -First 1", new() { ["Rows"] = rows }).AssertNoErrors();

        Assert.Equal("Create F01", $"{result.Changes().Single().S("Action")} {result.Changes().Single().S("Key")}");
        var created = site.WithPrefix("F").Count;
        Assert.InRange(created, 1, 59);
        var rerun = ps.Run("param($Rows) $Rows | Invoke-TotaraSync -Summary", new() { ["Rows"] = rows }).AssertNoErrors();
        Assert.Equal(60 - created, rerun.Summary().N("Created"));
        Assert.Equal(60, site.WithPrefix("F").Count);
    }

    [Fact]
    public async Task WhatIf_over_the_guard_returns_the_plan_and_warns_that_applying_would_be_refused()
    {
        await using var site = await StartAsync();
        for (var i = 1; i <= 4; i++) site.Seed("W" + i);
        using var ps = site.Connect();
        site.Host.Counters.Reset();

        var result = ps.Run("param($Rows) $Rows | Invoke-TotaraSync -SourceIsComplete -WhatIf", Rows(Row("W1"))).AssertNoErrors();

        Assert.Equal(3, result.Changes().Count(c => c.S("Action") == "Suspend"));
        Assert.Contains(result.Warnings, w => w.Contains("Applying would be refused") && w.Contains("remove 3 user(s)"));
        Assert.Equal(0, site.Host.Counters.MutationsExecuted);
    }
}

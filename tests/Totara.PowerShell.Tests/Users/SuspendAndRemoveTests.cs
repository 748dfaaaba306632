using System.Management.Automation;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Users;

/// <summary>Disable-, Enable- and Remove-TotaraUser: pipelines, the service account's own user, -WhatIf, deletes.</summary>
public sealed class SuspendAndRemoveTests : IClassFixture<EmulatorRunspaceFixture>
{
    private readonly EmulatorRunspaceFixture _site;

    public SuspendAndRemoveTests(EmulatorRunspaceFixture site) => _site = site;

    [Fact]
    public void Disable_then_Enable_through_the_pipeline()
    {
        var a = UserTestData.UniqueName("dis");
        var b = UserTestData.UniqueName("dis");
        _site.Seed(a);
        _site.Seed(b);
        using var ps = _site.NewConnectedRunspace();

        var disabled = ps.Run("param($A, $B) $A, $B | Disable-TotaraUser -PassThru", UserTestData.Params(("A", a), ("B", b)))
            .AssertNoErrors().Users();
        Assert.All(disabled, u => Assert.Equal(true, u.Get("Suspended")));
        Assert.True(_site.Stored(a)!.Suspended && _site.Stored(b)!.Suspended);

        var result = ps.Run("""
            param($A, $B)
            Get-TotaraUser -Status Suspended | Where-Object { $_.Username -in $A, $B } | Enable-TotaraUser -PassThru
            """, UserTestData.Params(("A", a), ("B", b))).AssertNoErrors();

        Assert.Equal(2, result.Users().Count);
        Assert.False(_site.Stored(a)!.Suspended || _site.Stored(b)!.Suspended);
    }

    [Fact]
    public void The_service_account_cannot_suspend_itself_and_the_error_names_the_user()
    {
        var other = UserTestData.UniqueName("oth");
        _site.Seed(other);
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("param($Other) 'api_service', $Other | Disable-TotaraUser", UserTestData.Params(("Other", other)));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("TotaraRecordFailed,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("api_service", error.Exception.Message);
        Assert.Contains("not allowed to suspend itself", error.Exception.Message);
        Assert.False(_site.Stored("api_service")!.Suspended);
        Assert.True(_site.Stored(other)!.Suspended);
    }

    [Fact]
    public void Remove_deletes_and_refuses_the_service_account_and_unknown_users()
    {
        var a = UserTestData.UniqueName("del");
        var b = UserTestData.UniqueName("del");
        var seededA = _site.Seed(a);
        _site.Seed(b);
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("""
            param($AId, $B)
            @([pscustomobject]@{ Id = $AId }, 'api_service', 'gone-already', $B) | Remove-TotaraUser -Confirm:$false
            """, UserTestData.Params(("AId", seededA.Id), ("B", b)));

        Assert.Empty(result.Output);
        Assert.Null(_site.Stored(a));
        Assert.Null(_site.Stored(b));
        Assert.NotNull(_site.Stored("api_service"));
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("api_service", result.Errors[0].Exception.Message);
        Assert.Contains("not allowed to delete itself", result.Errors[0].Exception.Message);
        Assert.StartsWith("TotaraUserNotFound,", result.Errors[1].FullyQualifiedErrorId);
        Assert.Equal("gone-already", result.Errors[1].TargetObject);
    }

    [Fact]
    public void Remove_with_WhatIf_sends_nothing_and_is_high_impact()
    {
        var name = UserTestData.UniqueName("keep");
        _site.Seed(name);
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        var result = ps.Run("""
            param($Name)
            Remove-TotaraUser -Identity $Name -WhatIf
            (Get-Command Remove-TotaraUser).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact
            """, UserTestData.Params(("Name", name))).AssertNoErrors();

        Assert.Equal(0, _site.Host.Counters.Requests);
        Assert.NotNull(_site.Stored(name));
        Assert.Equal(ConfirmImpact.High, result.Output.Single().BaseObject);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ctrl_C_stops_after_the_batches_in_flight_and_nothing_is_left_half_applied(bool slowUpstream)
    {
        // A fast upstream (records already built) keeps the pipeline thread inside New-TotaraUser,
        // waiting for a batch, when the stop comes: it says what was done. A slow upstream has it
        // building records instead: the stop still waits for the batches in flight.
        var prefix = UserTestData.UniqueName(slowUpstream ? "stopslow" : "stop");
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();
        _site.Host.Switches.LatencyMs = 1000;
        List<string> warnings;
        try
        {
            using var shell = System.Management.Automation.PowerShell.Create();
            shell.Runspace = ps.Runspace;
            shell.AddScript("""
                param($Prefix, $Password, $Slow)
                $records = 1..2000 | ForEach-Object { [pscustomobject]@{ Username = "$Prefix-$_"; FirstName = 'S'; LastName = 'Top'; Email = "$Prefix-$_@example.com" } }
                if ($Slow) { $records | ForEach-Object { [System.Threading.Thread]::Sleep(3); $_ } | New-TotaraUser -Password $Password }
                else { $records | New-TotaraUser -Password $Password }
                """).AddParameter("Prefix", prefix).AddParameter("Password", SecureStrings.From("Passw0rd!")).AddParameter("Slow", slowUpstream);
            var running = shell.BeginInvoke();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (_site.Host.Counters.Requests < (slowUpstream ? 1 : 2) && DateTime.UtcNow < deadline) Thread.Sleep(20);
            if (!slowUpstream) Thread.Sleep(300); // let the pipeline thread reach its wait for the first batch
            shell.Stop();
            Assert.ThrowsAny<PipelineStoppedException>(() => { shell.EndInvoke(running); });
            warnings = shell.Streams.Warning.Select(w => w.Message).ToList();
        }
        finally
        {
            _site.Host.Switches.LatencyMs = 0;
        }

        // Stopped upstream, the stop may complete while the batch in flight still travels (its
        // StopProcessing waits for it on the stopping thread): give that batch time to land.
        if (slowUpstream) Thread.Sleep(2500);

        // Every request that reached the site was answered in full; no record is half-known.
        var created = _site.Host.State.Users.Snapshot(u => u.Username.StartsWith(prefix + "-", StringComparison.Ordinal)).Count;
        Assert.True(created > 0 && created < 2000, $"{created} users created; {_site.Host.Counters.Requests} requests; {_site.Host.Counters.MutationsExecuted} mutations; warnings: {string.Join(" | ", warnings)}");
        if (!slowUpstream)
        {
            var stopped = Assert.Single(warnings, w => w.Contains("stopped"));
            Assert.Contains($"{created} succeeded", stopped);
            Assert.Contains($"{created} sent", stopped);
        }
        Assert.Equal(created, _site.Host.Counters.MutationsExecuted);
        Assert.Equal(0, _site.Host.Counters.ConnectionsDropped);
        var requests = _site.Host.Counters.Requests;
        Thread.Sleep(1500);
        Assert.Equal(requests, _site.Host.Counters.Requests); // nothing more is sent after the stop
        Assert.Equal(created, _site.Host.State.Users.Snapshot(u => u.Username.StartsWith(prefix + "-", StringComparison.Ordinal)).Count);
    }
}

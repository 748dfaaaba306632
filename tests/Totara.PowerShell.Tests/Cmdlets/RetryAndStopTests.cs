using System.Management.Automation;
using Totara.Emulator;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Cmdlets;

/// <summary>
/// The plumbing of the base classes: retry notices raised on the client's threads reach the
/// pipeline's verbose stream, and stopping the pipeline (Ctrl+C) cancels the HTTP call in flight.
/// </summary>
[Collection(CmdletTestCollection.Name)]
public sealed class RetryAndStopTests(CmdletTestSites sites)
{
    private readonly TestSite site = sites.Primary;

    [Fact]
    public void Retries_are_reported_as_verbose_lines_and_long_waits_as_warnings()
    {
        using var shell = CmdletShell.Connected(site);
        // A 500 is retried after a short delay; Totara's 429 (no Retry-After) makes the client back off for seconds.
        site.Switches.EnqueueFaults(FaultKind.ServerError, FaultKind.TooManyRequests);

        var run = shell.Run("(Get-TotaraStatus -Verbose).Status");

        run.AssertNoErrors();
        Assert.Equal(["ok"], run.OutputText());
        var shortRetry = Assert.Single(run.Verbose, line => line.Contains("retry", StringComparison.Ordinal));
        Assert.Contains("retry 1", shortRetry);
        var longWait = Assert.Single(run.Warnings);
        Assert.Contains("retry 2", longWait);
        Assert.Contains("429", longWait);
        run.AssertTextAbsent(site.ClientSecret);
    }

    [Fact]
    public void Retries_of_a_failing_request_end_in_a_categorised_error()
    {
        using var impatient = new CmdletShell();
        impatient.Run("Connect-Totara -Url $url -ClientId $id -ClientSecret $secret -MaxRetryCount 1", site.Variables()).AssertNoErrors();
        site.Switches.EnqueueFaults(FaultKind.ServerError, FaultKind.ServerError);

        var run = impatient.Run("Invoke-TotaraGraphQL 'query { totara_webapi_status { status } }'; 'next'");

        Assert.Equal(["next"], run.OutputText());
        var error = Assert.Single(run.Errors);
        Assert.StartsWith("TotaraServerError,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Equal("query { totara_webapi_status { status } }", error.TargetObject);
    }

    [Fact]
    public async Task Stopping_the_pipeline_cancels_the_request_in_flight()
    {
        using var runspace = new ModuleRunspace();
        runspace.Run("param($Url, $Id, $Secret) Connect-Totara -Url $Url -ClientId $Id -ClientSecret $Secret -RequestTimeout '00:05:00'",
            new() { ["Url"] = site.Url.ToString(), ["Id"] = site.ClientId, ["Secret"] = SecureStrings.From(site.ClientSecret) }).AssertNoErrors();
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = runspace.Runspace;
        ps.AddScript("Get-TotaraStatus");
        var requestsBefore = site.RequestCount;
        site.Switches.LatencyMs = 120_000;
        try
        {
            var invocation = ps.BeginInvoke();
            while (site.RequestCount == requestsBefore && !invocation.IsCompleted)
                await Task.Delay(20);

            // Without cancellation the command would sit out the site's two-minute latency.
            var stop = Task.Factory.FromAsync(ps.BeginStop(null, null), ps.EndStop);
            Assert.True(await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(30))) == stop, "Stopping did not cancel the request in flight.");
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        }
        finally
        {
            site.Switches.LatencyMs = 0;
        }
    }
}

namespace Totara.PowerShell.Tests.Cmdlets;

/// <summary>Disconnect-Totara closes sessions and clears the runspace default.</summary>
[Collection(CmdletTestCollection.Name)]
public sealed class DisconnectTotaraTests(CmdletTestSites sites)
{
    private const string Connect = "$s = Connect-Totara -Url $url -ClientId $id -ClientSecret $secret -PassThru; ";

    [Fact]
    public void Closes_the_default_session_and_clears_the_default()
    {
        using var shell = new CmdletShell();

        var run = shell.Run(Connect + "Disconnect-Totara; $s.IsConnected; [bool](Get-TotaraSession)", sites.Primary.Variables());

        run.AssertNoErrors();
        Assert.Equal(["False", "False"], run.OutputText());
    }

    [Fact]
    public void A_closed_session_is_refused()
    {
        using var shell = new CmdletShell();

        var run = shell.Run(Connect + "$s | Disconnect-Totara; Get-TotaraStatus -Session $s", sites.Primary.Variables());

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("TotaraSessionClosed,", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.ConnectionError, error.CategoryInfo.Category);
    }

    [Fact]
    public void Closing_another_session_keeps_the_default()
    {
        using var shell = new CmdletShell();

        var run = shell.Run(
            Connect + "$t = Connect-Totara -Url $url -ClientId $id -ClientSecret $secret -PassThru; " +
            "Disconnect-Totara -Session $s; $s.IsConnected; $t.IsConnected; [object]::ReferenceEquals((Get-TotaraSession), $t)",
            sites.Primary.Variables());

        run.AssertNoErrors();
        Assert.Equal(["False", "True", "True"], run.OutputText());
    }

    [Fact]
    public void Without_a_session_it_does_nothing_and_reports_no_error()
    {
        using var shell = new CmdletShell();

        var run = shell.Run("Disconnect-Totara; Disconnect-Totara; 'done'");

        run.AssertNoErrors();
        Assert.Equal(["done"], run.OutputText());
    }

    [Fact]
    public void WhatIf_keeps_the_session_open()
    {
        using var shell = new CmdletShell();

        var run = shell.Run(Connect + "Disconnect-Totara -WhatIf; $s.IsConnected; [bool](Get-TotaraSession)", sites.Primary.Variables());

        run.AssertNoErrors();
        Assert.Equal(["True", "True"], run.OutputText());
    }
}

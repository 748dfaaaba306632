namespace Totara.PowerShell.Tests.Cmdlets;

/// <summary>The default session belongs to one runspace; -Session picks another site.</summary>
[Collection(CmdletTestCollection.Name)]
public sealed class SessionScopeTests(CmdletTestSites sites)
{
    [Fact]
    public void Two_runspaces_do_not_share_the_default_session()
    {
        using var first = new CmdletShell();
        using var second = new CmdletShell();

        first.Run("Connect-Totara -Url $url -ClientId $id -ClientSecret $secret", sites.Primary.Variables()).AssertNoErrors();
        var inSecond = second.Run("[bool](Get-TotaraSession)");
        var inFirst = first.Run("[bool](Get-TotaraSession)");

        Assert.Equal(["False"], inSecond.OutputText());
        Assert.Equal(["True"], inFirst.OutputText());
    }

    [Fact]
    public void A_session_from_another_runspace_works_through_Session()
    {
        using var first = new CmdletShell();
        using var second = new CmdletShell();
        var session = first.Run("Connect-Totara -Url $url -ClientId $id -ClientSecret $secret -PassThru", sites.Primary.Variables()).Output.Single();

        var run = second.Run("(Get-TotaraStatus -Session $s).Status; [bool](Get-TotaraSession)", ("s", session));

        run.AssertNoErrors();
        Assert.Equal(["ok", "False"], run.OutputText());
    }

    [Fact]
    public void Session_overrides_the_default_with_two_sites()
    {
        using var shell = new CmdletShell();
        var primary = sites.Primary;
        var secondary = sites.Secondary;

        var run = shell.Run(
            "$a = Connect-Totara -Url $url -ClientId $id -ClientSecret $secret -PassThru; " +
            "$b = Connect-Totara -Url $url2 -ClientId $id2 -ClientSecret $secret2 -PassThru; " +
            "(Get-TotaraStatus -Session $a).Url.Authority; (Get-TotaraStatus).Url.Authority; " +
            "(Invoke-TotaraGraphQL -Session $a -Query 'query { totara_webapi_status { status } }').totara_webapi_status.status",
            primary.Variables(("url2", secondary.Url.ToString()), ("id2", secondary.ClientId), ("secret2", CmdletShell.Secure(secondary.ClientSecret))));

        run.AssertNoErrors();
        Assert.Equal([primary.Url.Authority, secondary.Url.Authority, "ok"], run.OutputText());
    }

    [Fact]
    public void Commands_without_a_session_stop_with_NotConnected()
    {
        using var shell = new CmdletShell();

        var run = shell.Run("Get-TotaraStatus");

        Assert.Empty(run.Output);
        var error = Assert.Single(run.Errors);
        Assert.StartsWith("TotaraNotConnected,", error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Contains("Connect-Totara", error.Exception.Message);
    }
}

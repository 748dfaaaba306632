namespace Totara.PowerShell.Tests.Cmdlets;

/// <summary>Get-TotaraStatus and Get-TotaraSession against the emulator.</summary>
[Collection(CmdletTestCollection.Name)]
public sealed class GetTotaraStatusTests(CmdletTestSites sites)
{
    [Fact]
    public void Returns_a_typed_status_of_the_default_session()
    {
        using var shell = new CmdletShell();

        var run = shell.Run(
            "$s = Connect-Totara -Url $url -ClientId $id -ClientSecret $secret -PassThru -ServiceAccount 'svc-sync'; Get-TotaraStatus; $s",
            sites.Primary.Variables());

        run.AssertNoErrors();
        var status = run.Output[0];
        var session = run.Output[1];
        Assert.Equal("Totara.PowerShell.Connection.TotaraStatus", status.BaseObject.GetType().FullName);
        Assert.Equal("ok", status.Value<string>("Status"));
        Assert.True(status.Value<bool>("IsOk"));
        Assert.Equal(session.Value<Uri>("Url"), status.Value<Uri>("Url"));
        Assert.NotNull(status.Value<DateTimeOffset?>("Timestamp"));
        Assert.True(status.Value<TimeSpan>("ResponseTime") > TimeSpan.Zero);
        Assert.True(status.Value<int>("QueryCount") > 0);
        Assert.Equal(session.Value<IReadOnlyList<string>>("Queries").Count, status.Value<int>("QueryCount"));
        Assert.Equal(session.Value<IReadOnlyList<string>>("Mutations").Count, status.Value<int>("MutationCount"));
        Assert.Equal("svc-sync", status.Value<string>("ServiceAccount"));
    }

    [Fact]
    public void Get_TotaraSession_returns_nothing_and_no_error_when_not_connected()
    {
        using var shell = new CmdletShell();

        var run = shell.Run("Get-TotaraSession; 'after'");

        run.AssertNoErrors();
        Assert.Equal(["after"], run.OutputText());
    }

    [Fact]
    public void The_session_knows_what_the_site_offers()
    {
        using var shell = new CmdletShell();

        var run = shell.Run(
            "$s = Connect-Totara -Url $url -ClientId $id -ClientSecret $secret -PassThru; $s.Offers('totara_webapi_status'); $s.Offers('core_user_create_user'); $s.Offers('no_such_operation')",
            sites.Primary.Variables());

        run.AssertNoErrors();
        Assert.Equal(["True", "True", "False"], run.OutputText());
    }
}

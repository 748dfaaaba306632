using System.Management.Automation;

namespace Totara.PowerShell.Tests.Cmdlets;

/// <summary>Connect-Totara through a hosted runspace against the emulator over real HTTP.</summary>
[Collection(CmdletTestCollection.Name)]
public sealed class ConnectTotaraTests(CmdletTestSites sites)
{
    private readonly TestSite site = sites.Primary;

    [Fact]
    public void ClientSecret_set_connects_makes_the_default_and_returns_nothing_without_PassThru()
    {
        using var shell = new CmdletShell();

        var run = shell.Run(
            "Connect-Totara -Url $url -ClientId $id -ClientSecret $secret; $s = Get-TotaraSession; $s.Url.Authority; $s.ClientId; $s.SiteStatus; $s.AuthenticationMethod; $s.Queries -contains 'totara_webapi_status'",
            site.Variables());

        run.AssertNoErrors();
        Assert.Equal([site.Url.Authority, site.ClientId, "ok", "ClientCredentials", "True"], run.OutputText());
    }

    [Fact]
    public void PassThru_returns_a_session_with_the_settings_given()
    {
        using var shell = new CmdletShell();

        var run = shell.Run(
            "Connect-Totara -Url $url -ClientId $id -ClientSecret $secret -PassThru -ComplexityBudget 100000 -MaxComplexity 4000 " +
            "-MaxRetryCount 2 -MaxRetryDuration '00:00:30' -RequestTimeout '00:00:20' -ServiceAccount 'svc-sync'",
            site.Variables());

        run.AssertNoErrors();
        var session = Assert.Single(run.Output);
        Assert.Equal("Totara.PowerShell.Session.TotaraSession", session.BaseObject.GetType().FullName);
        Assert.Equal(100_000, session.Value<int>("ComplexityBudget"));
        Assert.Equal(4_000, session.Value<int>("MaxComplexity"));
        Assert.Equal(2, session.Value<int>("MaxRetryCount"));
        Assert.Equal(TimeSpan.FromSeconds(30), session.Value<TimeSpan>("MaxRetryDuration"));
        Assert.Equal(TimeSpan.FromSeconds(20), session.Value<TimeSpan>("RequestTimeout"));
        Assert.Equal("svc-sync", session.Value<string>("ServiceAccount"));
        Assert.True(session.Value<bool>("IsConnected"));
        Assert.Same(session.BaseObject, shell.Run("Get-TotaraSession").Output.Single().BaseObject);
    }

    [Fact]
    public void Credential_set_uses_the_user_name_as_client_id()
    {
        using var shell = new CmdletShell();

        var run = shell.Run(
            "$c = [pscredential]::new($id, $secret); Connect-Totara -Url $url -Credential $c -PassThru | ForEach-Object ClientId; (Get-TotaraStatus).Status",
            site.Variables());

        run.AssertNoErrors();
        Assert.Equal([site.ClientId, "ok"], run.OutputText());
    }

    [Fact]
    public async Task AccessToken_set_uses_a_pre_issued_token()
    {
        var token = await site.IssueAccessTokenAsync();
        using var shell = new CmdletShell();

        var run = shell.Run(
            "$s = Connect-Totara -Url $url -AccessToken $token -PassThru; $s.AuthenticationMethod; $null -eq $s.ClientId; (Get-TotaraStatus).Status; \"$s\"",
            site.Variables(("token", CmdletShell.Secure(token))));

        run.AssertNoErrors();
        Assert.Equal(["AccessToken", "True", "ok", $"{site.Url} (access token)"], run.OutputText());
        run.AssertTextAbsent(token);
    }

    [Fact]
    public void Wrong_secret_fails_with_an_authentication_error_and_no_secret_in_any_stream()
    {
        const string wrong = "wrong-secret-7f3c9a1e55";
        using var shell = new CmdletShell();

        var run = shell.Run(
            "Connect-Totara -Url $url -ClientId $id -ClientSecret $wrong -Verbose; Get-TotaraSession",
            site.Variables(("wrong", CmdletShell.Secure(wrong))));

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("TotaraAuthenticationFailed,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Equal(site.ClientId, error.TargetObject);
        Assert.Empty(run.Output);
        run.AssertTextAbsent(wrong);
        run.AssertTextAbsent(site.ClientSecret);
    }

    [Fact]
    public void Plain_http_to_another_machine_is_refused_without_the_switch()
    {
        using var shell = new CmdletShell();
        var requestsBefore = site.RequestCount;

        var run = shell.Run("Connect-Totara -Url 'http://totara.invalid' -ClientId $id -ClientSecret $secret", site.Variables());

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("TotaraUnencryptedConnectionRefused,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
        Assert.Equal("http://totara.invalid", error.TargetObject);
        Assert.Contains("-AllowUnencryptedAuthentication", error.Exception.Message);
        Assert.Equal(requestsBefore, site.RequestCount);
    }

    [Fact]
    public void Plain_http_to_another_machine_is_attempted_with_the_switch()
    {
        using var shell = new CmdletShell();

        var run = shell.Run(
            "Connect-Totara -Url 'http://totara.invalid' -ClientId $id -ClientSecret $secret -AllowUnencryptedAuthentication -MaxRetryCount 0 -RequestTimeout '00:00:10'",
            site.Variables());

        var error = Assert.Single(run.Errors);
        Assert.DoesNotContain("TotaraUnencryptedConnectionRefused", error.FullyQualifiedErrorId);
        Assert.StartsWith("Totara", error.FullyQualifiedErrorId);
        run.AssertTextAbsent(site.ClientSecret);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public void Plain_http_to_this_machine_is_allowed(string host)
    {
        using var shell = new CmdletShell();
        var url = new UriBuilder(site.Url) { Host = host }.Uri.ToString();

        var run = shell.Run("(Connect-Totara -Url $url -ClientId $id -ClientSecret $secret -PassThru).Url.Host", site.Variables(("url", url)));

        run.AssertNoErrors();
        Assert.Equal([host], run.OutputText());
    }

    [Fact]
    public void A_url_that_is_not_absolute_http_is_refused()
    {
        using var shell = new CmdletShell();

        var run = shell.Run("Connect-Totara -Url 'learn.example.com' -ClientId $id -ClientSecret $secret", site.Variables());

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("TotaraInvalidUrl,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
    }

    [Fact]
    public void The_session_never_shows_the_secret()
    {
        using var shell = new CmdletShell();

        var run = shell.Run(
            "$s = Connect-Totara -Url $url -ClientId $id -ClientSecret $secret -PassThru; \"$s\"; $s.PSObject.Properties | ForEach-Object { \"$($_.Name)=$($_.Value)\" }",
            site.Variables());

        run.AssertNoErrors();
        Assert.Equal($"{site.Url} (client {site.ClientId})", run.OutputText()[0]);
        Assert.Contains($"ClientId={site.ClientId}", run.OutputText());
        run.AssertTextAbsent(site.ClientSecret);
    }
}

using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Module;

/// <summary>
/// The module against the emulator started with its standalone command line (its own process,
/// as an admin trying a runbook offline starts it), not the in-process host the other tests use.
/// </summary>
public sealed class StandaloneEmulatorTests
{
    private const string ClientId = "standalone-tests";

    [Fact]
    public async Task Connect_status_and_GraphQL_work_against_the_standalone_emulator()
    {
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        using var emulator = await EmulatorProcess.StartAsync("--port", "0", "--client-id", ClientId, "--client-secret", secret, "--demo");
        using var runspace = new ModuleRunspace();
        var url = emulator.Url.ToString().TrimEnd('/');

        var result = runspace.Run(
            """
            param($Url, $ClientId, $ClientSecret)
            $session = Connect-Totara -Url $Url -ClientId $ClientId -ClientSecret $ClientSecret -PassThru -ErrorAction Stop
            $status = Get-TotaraStatus
            $users = (Invoke-TotaraGraphQL -Query 'query { core_user_users(query: { pagination: { limit: 3 } }) { total items { username } } }').core_user_users
            [pscustomobject]@{ Url = $session.Url; Status = $status.Status; Total = $users.total; Page = @($users.items).Count; Text = "$session" }
            """,
            new() { ["Url"] = url, ["ClientId"] = ClientId, ["ClientSecret"] = SecureStrings.From(secret) }).AssertNoErrors();

        var summary = Assert.Single(result.Output);
        Assert.StartsWith(url, summary.Properties["Url"].Value.ToString());
        Assert.Equal("ok", summary.Properties["Status"].Value?.ToString(), ignoreCase: true);
        Assert.True(Convert.ToInt64(summary.Properties["Total"].Value) >= 250, "the --demo site has a few hundred active users");
        Assert.Equal(3, Convert.ToInt32(summary.Properties["Page"].Value));
        Assert.DoesNotContain(secret, summary.Properties["Text"].Value?.ToString());
    }

    [Fact]
    public async Task A_wrong_secret_is_a_clear_authentication_error_without_the_secret()
    {
        using var emulator = await EmulatorProcess.StartAsync("--port", "0", "--client-id", ClientId, "--client-secret", "the-right-one");
        using var runspace = new ModuleRunspace();

        var result = runspace.Run(
            "param($Url, $ClientSecret) Connect-Totara -Url $Url -ClientId standalone-tests -ClientSecret $ClientSecret",
            new() { ["Url"] = emulator.Url.ToString(), ["ClientSecret"] = SecureStrings.From("a-wrong-secret") });

        var error = result.TerminatingRecord ?? Assert.Single(result.Errors);
        Assert.Equal(System.Management.Automation.ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.DoesNotContain("a-wrong-secret", error.ToString());
    }
}

using System.Management.Automation;
using Totara.Emulator;

namespace Totara.PowerShell.Tests.Cmdlets;

/// <summary>
/// Connect-Totara behind a forwarding proxy on 127.0.0.1 that demands Basic authentication:
/// -Proxy and -ProxyCredential as Invoke-RestMethod names them, a readable refusal without the
/// credential, the module's User-Agent, and no password or secret in any stream.
/// </summary>
public sealed class ConnectTotaraProxyTests
{
    private const string ClientId = "proxy-client";
    private const string Secret = "Pr0xied-Client-S3cret-4a2b";
    private const string ProxyPassword = "Pr0xy-Cmdlet-Passw0rd-8c3d";

    [Fact]
    public async Task With_ProxyCredential_the_session_works_through_the_proxy_and_says_who_called()
    {
        await using var site = await EmulatorSite.StartAsync(ClientId, new EmulatorOptions { Demo = true }, Secret);
        await using var proxy = new ForwardingProxy("corp-user", ProxyPassword);
        using var shell = new CmdletShell();

        var run = shell.Run("""
            $proxyCredential = [pscredential]::new('corp-user', $proxyPassword)
            Connect-Totara -Url $url -ClientId $id -ClientSecret $secret -Proxy $proxy -ProxyCredential $proxyCredential -Verbose
            Get-TotaraStatus | Out-String
            (Get-TotaraUser | Measure-Object).Count
            """,
            ("url", site.Url.AbsoluteUri), ("id", ClientId), ("secret", CmdletShell.Secure(Secret)),
            ("proxy", proxy.Address), ("proxyPassword", CmdletShell.Secure(ProxyPassword)));

        Assert.Empty(run.Errors);
        Assert.True((int)run.Output.Last().BaseObject > 100);
        var through = proxy.Requests.Where(r => r.Allowed).ToList();
        Assert.Contains(through, r => r.Target.EndsWith("/api/graphql.php"));
        Assert.All(through, r => Assert.Matches(@"^Totara\.PowerShell/\d+\.\d+\.\d+ PowerShell/7\.\d+\.\d+ \(Linux\)$", r.UserAgent));
        run.AssertTextAbsent(ProxyPassword);
        run.AssertTextAbsent(Secret);
    }

    [Fact]
    public async Task Without_the_credential_the_proxy_refusal_is_TotaraProxyAuthenticationFailed_and_says_what_to_pass()
    {
        await using var site = await EmulatorSite.StartAsync(ClientId, clientSecret: Secret);
        await using var proxy = new ForwardingProxy("corp-user", ProxyPassword);
        using var shell = new CmdletShell();

        var run = shell.Run("Connect-Totara -Url $url -ClientId $id -ClientSecret $secret -Proxy $proxy",
            ("url", site.Url.AbsoluteUri), ("id", ClientId), ("secret", CmdletShell.Secure(Secret)), ("proxy", proxy.Address));

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("TotaraProxyAuthenticationFailed,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("-ProxyCredential", error.Exception.Message);
        Assert.DoesNotContain(proxy.Requests, r => r.Allowed);
        run.AssertTextAbsent(Secret);
    }

    [Theory]
    [InlineData("-Proxy 'ftp://proxy.example.com'", "absolute http:// or https://")]
    [InlineData("-Proxy 'http://me:pw@proxy.example.com:3128'", "-ProxyCredential")]
    [InlineData("-ProxyCredential $cred", "needs -Proxy")]
    [InlineData("-Proxy 'http://proxy.example.com:3128' -ProxyCredential $cred -ProxyUseDefaultCredentials", "cannot be used together")]
    public void Proxy_settings_that_cannot_work_are_refused_before_anything_is_sent(string parameters, string expected)
    {
        using var shell = new CmdletShell();

        var run = shell.Run($"$cred = [pscredential]::new('u', $pw); Connect-Totara -Url 'https://learn.example.com' -ClientId x -ClientSecret $pw {parameters}",
            ("pw", CmdletShell.Secure("pw-not-shown-31f")));

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("TotaraInvalidParameter,", error.FullyQualifiedErrorId);
        Assert.Contains(expected, error.Exception.Message);
        run.AssertTextAbsent("pw-not-shown-31f");
    }
}

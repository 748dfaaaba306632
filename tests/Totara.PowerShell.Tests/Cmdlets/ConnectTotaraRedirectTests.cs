using System.Management.Automation;

namespace Totara.PowerShell.Tests.Cmdlets;

/// <summary>
/// Connect-Totara against a site that answers with a redirect (a real HTTP server on 127.0.0.1):
/// the error says where it pointed and, when it can, which -Url to use; nothing reaches the target.
/// </summary>
public sealed class ConnectTotaraRedirectTests
{
    private const string Secret = "Redir3ct-Cmdlet-S3cret-71d0";

    [Fact]
    public async Task A_redirect_to_a_sub_folder_fails_with_TotaraRedirectRefused_and_recommends_the_Url_to_use()
    {
        LoopbackHttpServer? site = null;
        site = LoopbackHttpServer.Start("127.0.0.1", r => LoopbackHttpServer.Redirect(308, new Uri(site!.BaseUrl, "lms" + r.Path).AbsoluteUri));
        await using var _ = site;
        using var shell = new CmdletShell();

        var run = shell.Run("Connect-Totara -Url $url -ClientId 'redirect-client' -ClientSecret $secret",
            ("url", site.BaseUrl.AbsoluteUri), ("secret", CmdletShell.Secure(Secret)));

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("TotaraRedirectRefused,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        var suggested = new Uri(site.BaseUrl, "lms/").AbsoluteUri;
        Assert.Contains(new Uri(site.BaseUrl, "lms/totara/oauth2/token.php").AbsoluteUri, error.Exception.Message);
        Assert.Equal($"Connect-Totara -Url '{suggested}'", error.ErrorDetails?.RecommendedAction);
        run.AssertTextAbsent(Secret);
    }

    [Fact]
    public async Task A_redirect_to_another_host_fails_readably_and_the_other_host_receives_nothing()
    {
        await using var elsewhere = LoopbackHttpServer.Start("127.0.0.2", _ => LoopbackHttpServer.Json(200, "{}"));
        await using var site = LoopbackHttpServer.Start("127.0.0.1", r => LoopbackHttpServer.Redirect(307, new Uri(elsewhere.BaseUrl, r.Path.TrimStart('/')).AbsoluteUri));
        using var shell = new CmdletShell();

        var run = shell.Run("Connect-Totara -Url $url -ClientId 'redirect-client' -ClientSecret $secret",
            ("url", site.BaseUrl.AbsoluteUri), ("secret", CmdletShell.Secure(Secret)));

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("TotaraRedirectRefused,", error.FullyQualifiedErrorId);
        Assert.Contains(elsewhere.BaseUrl.Authority, error.Exception.Message);
        Assert.Null(error.ErrorDetails?.RecommendedAction);
        Assert.Equal(0, elsewhere.Connections);
        run.AssertTextAbsent(Secret);
    }
}

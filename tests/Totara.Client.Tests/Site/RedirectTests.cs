using System.Net;
using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Site;

/// <summary>
/// The client follows no redirects: a followed 307 re-posts the client secret (token request) or
/// the request body (GraphQL request) to the host the answer names, over http too. The sites here
/// are real HTTP servers on 127.0.0.1; the host they redirect to listens on 127.0.0.2 and must
/// receive nothing.
/// </summary>
public sealed class RedirectTests
{
    private const string Secret = "Redir3ct-S3cret-5e8a1f0c";
    private const string IssuedToken = "issued-token-7c2d9e41b0a5";

    [Fact]
    public async Task A_307_of_the_token_request_to_another_host_is_refused_and_the_secret_is_never_sent_there()
    {
        await using var elsewhere = LoopbackHttpServer.Start("127.0.0.2", _ => LoopbackHttpServer.Json(200, TokenJson));
        await using var site = LoopbackHttpServer.Start("127.0.0.1", r =>
            LoopbackHttpServer.Redirect(307, new Uri(elsewhere.BaseUrl, "totara/oauth2/token.php").AbsoluteUri));
        using var client = NewClient(site.BaseUrl);

        var ex = await Assert.ThrowsAsync<TotaraRedirectException>(() => client.ExecuteAsync(Documents.StatusRequest()));

        Assert.Equal(0, elsewhere.Connections);
        Assert.Single(site.Requests); // not retried either
        Assert.Contains(Secret, site.Requests[0].Body); // the site itself was asked, as it should be
        Assert.Equal((HttpStatusCode)307, ex.StatusCode);
        Assert.Equal(new Uri(elsewhere.BaseUrl, "totara/oauth2/token.php"), ex.Location);
        Assert.Contains(ex.Location!.AbsoluteUri, ex.Message);
        Assert.Contains("token request", ex.Message);
        Assert.Null(ex.SuggestedSiteUrl); // another host: nothing to suggest
        Assert.DoesNotContain(Secret, ex.ToString());
    }

    [Fact]
    public async Task A_307_of_the_GraphQL_request_to_another_host_is_refused_and_the_body_is_never_sent_there()
    {
        await using var elsewhere = LoopbackHttpServer.Start("127.0.0.2", _ => LoopbackHttpServer.Json(200, """{"data":{"x":1}}"""));
        await using var site = LoopbackHttpServer.Start("127.0.0.1", r => r.Path.EndsWith("/token.php", StringComparison.Ordinal)
            ? LoopbackHttpServer.Json(200, TokenJson)
            : LoopbackHttpServer.Redirect(307, new Uri(elsewhere.BaseUrl, "api/graphql.php").AbsoluteUri));
        using var client = NewClient(site.BaseUrl);

        var ex = await Assert.ThrowsAsync<TotaraRedirectException>(() => client.ExecuteAsync(Documents.StatusRequest()));

        Assert.Equal(0, elsewhere.Connections);
        Assert.Equal(new[] { "/totara/oauth2/token.php", "/api/graphql.php" }, site.Requests.Select(r => r.Path));
        Assert.Equal(new Uri(elsewhere.BaseUrl, "api/graphql.php"), ex.Location);
        Assert.Contains(ex.Location!.AbsoluteUri, ex.Message);
        Assert.DoesNotContain(Secret, ex.ToString());
        Assert.DoesNotContain(IssuedToken, ex.ToString());
    }

    [Fact]
    public async Task A_redirected_batch_of_mutations_is_refused_and_nothing_reaches_the_other_host()
    {
        await using var elsewhere = LoopbackHttpServer.Start("127.0.0.2", _ => LoopbackHttpServer.Json(200, """{"data":{}}"""));
        await using var site = LoopbackHttpServer.Start("127.0.0.1", r => r.Path.EndsWith("/token.php", StringComparison.Ordinal)
            ? LoopbackHttpServer.Json(200, TokenJson)
            : LoopbackHttpServer.Redirect(308, new Uri(elsewhere.BaseUrl, "api/graphql.php").AbsoluteUri));
        using var client = NewClient(site.BaseUrl);
        var operation = new BatchOperation("core_user_create_user", isMutation: true,
            new[] { new BatchArgument("input", "core_user_create_user_input!", new Dictionary<string, object?> { ["username"] = "new_user" }) },
            "{ user { id } }");

        await Assert.ThrowsAsync<TotaraRedirectException>(async () => await client.ExecuteBatchAsync(new[] { operation }).ToListAsync());

        Assert.Equal(0, elsewhere.Connections);
    }

    [Theory]
    // http to https on the same host: connect with https.
    [InlineData("http://learn.example.com/", "totara/oauth2/token.php", "https://learn.example.com/totara/oauth2/token.php", "https://learn.example.com/")]
    // The site lives under a sub-folder.
    [InlineData("https://learn.example.com/", "api/graphql.php", "https://learn.example.com/lms/api/graphql.php", "https://learn.example.com/lms/")]
    // A relative Location, from a site given with a sub-folder it no longer has.
    [InlineData("https://learn.example.com/old/", "api/graphql.php", "/api/graphql.php", "https://learn.example.com/")]
    // https to http is a downgrade: never suggested.
    [InlineData("https://learn.example.com/", "totara/oauth2/token.php", "http://learn.example.com/totara/oauth2/token.php", null)]
    // Another host: named, never suggested.
    [InlineData("https://learn.example.com/", "totara/oauth2/token.php", "https://other.example.net/totara/oauth2/token.php", null)]
    // A login page, not the endpoint: the URL is wrong in some other way.
    [InlineData("https://learn.example.com/", "api/graphql.php", "https://learn.example.com/login/index.php", null)]
    // Same scheme on another port: another service, not the site.
    [InlineData("https://learn.example.com/", "api/graphql.php", "https://learn.example.com:8443/api/graphql.php", null)]
    public async Task A_redirect_that_only_changes_scheme_or_path_suggests_the_site_url_to_use(string siteUrl, string endpoint, string location, string? suggested)
    {
        var stub = new StubHandler((r, _) => r.RequestUri!.AbsolutePath.EndsWith("/" + endpoint, StringComparison.Ordinal)
            ? Redirect(HttpStatusCode.MovedPermanently, location)
            : StubHandler.Token());
        using var client = new TotaraClient(new TotaraClientOptions(new Uri(siteUrl), TotaraCredential.FromClientCredentials("stub-client", Secret))
        {
            HttpHandler = stub,
        });

        var ex = await Assert.ThrowsAsync<TotaraRedirectException>(() => client.ExecuteAsync(Documents.StatusRequest()));

        Assert.Equal(suggested, ex.SuggestedSiteUrl?.AbsoluteUri);
        if (suggested is not null)
            Assert.Contains($"-Url '{suggested}'", ex.Message);
        else
            Assert.Contains("Check the site URL", ex.Message);
        Assert.DoesNotContain(Secret, ex.ToString());
    }

    [Fact]
    public async Task The_redirect_error_names_the_target_without_its_query_or_user_info()
    {
        var stub = new StubHandler((_, _) => Redirect(HttpStatusCode.Found, "https://user:pass@sso.example.net/callback?code=one-time-4f1e&state=x"));
        using var client = stub.NewClient();

        var ex = await Assert.ThrowsAsync<TotaraRedirectException>(() => client.ExecuteAsync(Documents.StatusRequest()));

        Assert.Equal(new Uri("https://sso.example.net/callback"), ex.Location);
        Assert.Contains("https://sso.example.net/callback", ex.Message);
        Assert.DoesNotContain("one-time-4f1e", ex.ToString());
        Assert.DoesNotContain("pass@", ex.ToString());
    }

    [Fact]
    public async Task A_redirect_without_a_location_is_still_an_error_that_says_so()
    {
        var stub = new StubHandler((_, _) => new HttpResponseMessage(HttpStatusCode.Redirect));
        using var client = stub.NewClient();

        var ex = await Assert.ThrowsAsync<TotaraRedirectException>(() => client.ExecuteAsync(Documents.StatusRequest()));

        Assert.Null(ex.Location);
        Assert.Contains("no usable Location", ex.Message);
    }

    private static string TokenJson => $$"""{"token_type":"Bearer","expires_in":3600,"access_token":"{{IssuedToken}}"}""";

    private static TotaraClient NewClient(Uri site) =>
        new(new TotaraClientOptions(site, TotaraCredential.FromClientCredentials("redirect-client", Secret))
        {
            MaxRetryAttempts = 2,
            TransientBaseDelay = TimeSpan.FromMilliseconds(1),
            RequestTimeout = TimeSpan.FromSeconds(10),
        });

    private static HttpResponseMessage Redirect(HttpStatusCode status, string location)
    {
        var answer = new HttpResponseMessage(status);
        answer.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return answer;
    }
}

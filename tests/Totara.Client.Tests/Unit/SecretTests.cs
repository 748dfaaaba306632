using System.Net;
using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Unit;

public sealed class SecretTests
{
    private const string Secret = "Stub-S3cret-a1b2c3";
    private const string Token = "stub-token-1234567890";

    [Fact]
    public void Credentials_options_and_client_never_show_a_secret()
    {
        var credential = TotaraCredential.FromClientCredentials("id-1", Secret);
        var tokenCredential = TotaraCredential.FromAccessToken(Token);
        var options = new TotaraClientOptions(new Uri("https://learn.example.com"), credential);
        using var client = new TotaraClient(options);

        foreach (var text in new[] { credential.ToString(), tokenCredential.ToString(), options.ToString(), client.ToString() })
        {
            Assert.DoesNotContain(Secret, text);
            Assert.DoesNotContain(Token, text);
        }
        Assert.Contains("id-1", credential.ToString());
        Assert.Null(tokenCredential.ClientId);
    }

    [Fact]
    public async Task A_secret_given_as_a_SecureString_is_a_copy_read_at_each_token_request()
    {
        var stub = new StubHandler((r, body) => r.RequestUri!.AbsolutePath.EndsWith("token.php")
            ? StubHandler.Token()
            : StubHandler.Json(HttpStatusCode.OK, "{\"data\":{\"ok\":true}}"));
        var secure = new System.Security.SecureString();
        foreach (char c in Secret) secure.AppendChar(c);
        var credential = TotaraCredential.FromClientCredentials("id-1", secure);
        // The caller's SecureString may be cleared and disposed: the credential holds its own copy.
        secure.Clear();
        secure.Dispose();
        using var client = new TotaraClient(new TotaraClientOptions(new Uri("https://learn.example.com"), credential) { HttpHandler = stub });

        await client.ExecuteAsync(new GraphQLRequest("query { ok }"));

        var tokenRequest = Assert.Single(stub.Requests, r => r.Path.EndsWith("token.php"));
        Assert.Contains("client_secret=" + Uri.EscapeDataString(Secret), tokenRequest.Body);
        Assert.DoesNotContain(Secret, credential.ToString());
    }

    [Fact]
    public async Task No_failure_text_or_retry_reason_carries_the_secret_or_the_token()
    {
        var texts = new List<string>();
        var answers = new Queue<Func<HttpResponseMessage>>(new Func<HttpResponseMessage>[]
        {
            () => StubHandler.Json(HttpStatusCode.ServiceUnavailable, """{"errors":[{"message":"Internal server error"}]}"""),
            () => throw new HttpRequestException("connection reset"),
            () => StubHandler.Json((HttpStatusCode)429, """{"errors":[{"message":"Too many requests"}],"error":"Too many requests"}"""),
            () => StubHandler.Json(HttpStatusCode.Unauthorized, """{"errors":[{"message":"Missing, expired or invalid access token."}]}"""),
            () => StubHandler.Json(HttpStatusCode.Unauthorized, """{"errors":[{"message":"Missing, expired or invalid access token."}]}"""),
        });
        var stub = new StubHandler((r, _) => r.RequestUri!.AbsolutePath.EndsWith("token.php") ? StubHandler.Token() : answers.Dequeue()());
        using var client = stub.NewClient();
        client.Retrying += (_, e) => texts.Add(e.ToString() + e.Reason);

        var ex = await Assert.ThrowsAsync<TotaraAuthenticationException>(() => client.ExecuteAsync(new GraphQLRequest("{ x }")));
        texts.Add(ex.ToString());

        var refused = new StubHandler((r, _) => StubHandler.Json(HttpStatusCode.Unauthorized,
            """{"error":"invalid_client","error_description":"Client authentication failed","message":"Client authentication failed"}"""));
        using var refusedClient = refused.NewClient();
        texts.Add((await Assert.ThrowsAsync<TotaraAuthenticationException>(() => refusedClient.ExecuteAsync(new GraphQLRequest("{ x }")))).ToString());

        Assert.Equal(3, texts.Count(t => t.Contains("Retry")));
        Assert.All(texts, t =>
        {
            Assert.DoesNotContain(Secret, t);
            Assert.DoesNotContain(Token, t);
        });
    }
}

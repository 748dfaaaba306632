using System.Net;
using System.Text.Json;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Protocol;

public sealed class TokenEndpointTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _site;

    public TokenEndpointTests(EmulatorFixture site) => _site = site;

    [Fact]
    public async Task Client_credentials_grant_returns_a_bearer_token_with_its_lifetime()
    {
        using var client = _site.CreateClient();
        using var response = await client.RequestTokenAsync(Form("client_credentials", EmulatorFixture.ClientId, EmulatorFixture.ClientSecret));

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var body = response.Body.RootElement;
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(86400, body.GetProperty("expires_in").GetInt64());
        var token = body.GetProperty("access_token").GetString();
        Assert.False(string.IsNullOrWhiteSpace(token));
        // league/oauth2-server issues JWTs: three base64url parts, the claims naming the client.
        var parts = token!.Split('.');
        Assert.Equal(3, parts.Length);
        var claims = System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(parts[1].Replace('-', '+').Replace('_', '/').PadRight((parts[1].Length + 3) / 4 * 4, '='))).RootElement;
        Assert.Equal(EmulatorFixture.ClientId, claims.GetProperty("aud").GetString());
        Assert.Equal(86400, claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64());
        Assert.DoesNotContain(EmulatorFixture.ClientSecret, token);
    }

    [Fact]
    public async Task Each_request_gets_a_different_token()
    {
        using var client = _site.CreateClient();
        var first = await client.GetTokenAsync();
        var second = await client.GetTokenAsync();
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Wrong_secret_is_invalid_client_401()
    {
        using var client = _site.CreateClient();
        using var response = await client.RequestTokenAsync(Form("client_credentials", EmulatorFixture.ClientId, "wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(
            """{"error":"invalid_client","error_description":"Client authentication failed","message":"Client authentication failed"}""",
            response.Text);
    }

    [Fact]
    public async Task Unknown_client_and_missing_secret_are_invalid_client_401()
    {
        using var client = _site.CreateClient();
        using var unknown = await client.RequestTokenAsync(Form("client_credentials", "nobody", "x"));
        using var noSecret = await client.RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = EmulatorFixture.ClientId,
        });

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Equal("invalid_client", unknown.Body.RootElement.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, noSecret.Status);
        Assert.Equal("invalid_client", noSecret.Body.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Missing_grant_type_is_unsupported_grant_type_400_with_a_hint()
    {
        using var client = _site.CreateClient();
        using var response = await client.RequestTokenAsync(new Dictionary<string, string>
        {
            ["client_id"] = EmulatorFixture.ClientId,
            ["client_secret"] = EmulatorFixture.ClientSecret,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var body = response.Body.RootElement;
        Assert.Equal("unsupported_grant_type", body.GetProperty("error").GetString());
        Assert.Equal("Check that all required parameters have been provided", body.GetProperty("hint").GetString());
        Assert.Equal(body.GetProperty("error_description").GetString(), body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Missing_client_id_is_invalid_request_400()
    {
        using var client = _site.CreateClient();
        using var response = await client.RequestTokenAsync(new Dictionary<string, string> { ["grant_type"] = "client_credentials" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.Body.RootElement.GetProperty("error").GetString());
        Assert.Equal("Check the `client_id` parameter", response.Body.RootElement.GetProperty("hint").GetString());
    }

    [Fact]
    public async Task Other_grant_types_are_unsupported_grant_type_400()
    {
        using var client = _site.CreateClient();
        using var response = await client.RequestTokenAsync(Form("password", EmulatorFixture.ClientId, EmulatorFixture.ClientSecret));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var body = response.Body.RootElement;
        Assert.Equal("unsupported_grant_type", body.GetProperty("error").GetString());
        Assert.Equal("The authorization grant type is not supported by the authorization server.", body.GetProperty("error_description").GetString());
        Assert.Equal(JsonValueKind.String, body.GetProperty("hint").ValueKind);
    }

    [Fact]
    public async Task Token_requests_and_issued_tokens_are_counted()
    {
        await using var host = await EmulatorHost.StartAsync();
        host.AddClient("c", "s");
        using var client = new ApiTestClient(host.Url, "c", "s");
        await client.GetTokenAsync();
        using var refused = await client.RequestTokenAsync(Form("client_credentials", "c", "bad"));
        host.IssueToken("c");

        Assert.Equal(2, host.Counters.TokenRequests);
        Assert.Equal(2, host.Counters.TokensIssued);
    }

    private static Dictionary<string, string> Form(string grantType, string clientId, string secret) => new()
    {
        ["grant_type"] = grantType,
        ["client_id"] = clientId,
        ["client_secret"] = secret,
    };
}

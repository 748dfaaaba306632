using System.Net;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Protocol;

public sealed class AuthenticationTests
{
    private const string InvalidTokenBody =
        """{"errors":[{"message":"Missing, expired or invalid access token. Ensure the Authorization header is set to a valid Bearer token."}],"error":"Missing, expired or invalid access token. Ensure the Authorization header is set to a valid Bearer token."}""";

    private const string StatusQuery = "query { totara_webapi_status { status } }";

    [Fact]
    public async Task A_valid_token_runs_the_status_query()
    {
        await using var host = await StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostAsync(StatusQuery);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"data":{"totara_webapi_status":{"status":"ok"}}}""", response.Text);
    }

    [Fact]
    public async Task A_pre_issued_token_is_accepted()
    {
        await using var host = await StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s") { Token = host.IssueToken("c") };

        using var response = await client.PostAsync(StatusQuery);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(0, host.Counters.TokenRequests);
    }

    [Fact]
    public async Task An_unknown_token_is_401_with_Totaras_body()
    {
        await using var host = await StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s") { Token = "iNvAlIdTokEN" };

        using var response = await client.PostAsync(StatusQuery);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(InvalidTokenBody, response.Text);
        Assert.Equal(1, host.Counters.Unauthorized);
    }

    [Fact]
    public async Task A_missing_authorization_header_is_401()
    {
        await using var host = await StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostRawAsync("""{"query":"{ totara_webapi_status { status } }"}""", withToken: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("The request did not contain the required Authorization header.", response.Body.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_token_past_its_lifetime_is_401()
    {
        var clock = new ManualClock();
        await using var host = await StartAsync(new EmulatorOptions { Clock = clock, TokenLifetime = TimeSpan.FromSeconds(30) });
        using var client = new ApiTestClient(host.Url, "c", "s");
        using var token = await client.RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "c",
            ["client_secret"] = "s",
        });
        Assert.Equal(30, token.Body.RootElement.GetProperty("expires_in").GetInt64());
        client.Token = token.Body.RootElement.GetProperty("access_token").GetString();

        using (var fresh = await client.PostAsync(StatusQuery))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.Status);
        }

        clock.Advance(TimeSpan.FromSeconds(30));
        using var expired = await client.PostAsync(StatusQuery);

        Assert.Equal(HttpStatusCode.Unauthorized, expired.Status);
        Assert.Equal(InvalidTokenBody, expired.Text);
    }

    [Fact]
    public async Task Token_lifetime_can_be_switched_while_running()
    {
        await using var host = await StartAsync();
        host.Switches.TokenLifetime = TimeSpan.FromMinutes(5);
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "c",
            ["client_secret"] = "s",
        });

        Assert.Equal(300, response.Body.RootElement.GetProperty("expires_in").GetInt64());
    }

    [Fact]
    public async Task ExpireAllTokens_invalidates_earlier_tokens_but_not_later_ones()
    {
        await using var host = await StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");
        await client.GetTokenAsync();

        host.Switches.ExpireAllTokens();
        using var afterExpiry = await client.PostAsync(StatusQuery);
        await client.GetTokenAsync();
        using var withNewToken = await client.PostAsync(StatusQuery);

        Assert.Equal(HttpStatusCode.Unauthorized, afterExpiry.Status);
        Assert.Equal(HttpStatusCode.OK, withNewToken.Status);
    }

    [Fact]
    public async Task A_suspended_service_account_is_refused()
    {
        await using var host = await StartAsync();
        var record = host.AddClient("suspended-client", "s2", serviceUsername: "svc_suspended");
        using var client = new ApiTestClient(host.Url, "suspended-client", "s2");
        await client.GetTokenAsync();
        var user = host.State.Users.GetById(record.ServiceUserId)!;
        host.State.Users.Update(user, u => u.Suspended = true);

        using var response = await client.PostAsync(StatusQuery);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("API user is invalid.", response.Body.RootElement.GetProperty("error").GetString());
    }

    private static async Task<EmulatorHost> StartAsync(EmulatorOptions? options = null)
    {
        var host = await EmulatorHost.StartAsync(options);
        host.AddClient("c", "s");
        return host;
    }
}

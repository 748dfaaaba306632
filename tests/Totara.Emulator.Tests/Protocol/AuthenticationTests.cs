using System.Net;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Protocol;

public sealed class AuthenticationTests
{
    // totara_webapi\server::handle_request at response_debug NORMAL: HTTP 200, no data, the
    // validator's text only in debugMessage.
    private const string InvalidTokenBody =
        """{"errors":[{"message":"Internal server error","extensions":{"category":"internal","debugMessage":"Missing, expired or invalid access token. Ensure the Authorization header is set to a valid Bearer token."}}]}""";

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
    public async Task Authentication_error_is_HTTP_200_with_the_validator_text_in_debugMessage_at_normal()
    {
        await using var host = await StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s") { Token = "iNvAlIdTokEN" };

        using var response = await client.PostAsync(StatusQuery);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(InvalidTokenBody, response.Text);
        Assert.Equal(1, host.Counters.Unauthorized);
    }

    [Fact]
    public async Task Authentication_error_for_a_missing_authorization_header_names_the_header()
    {
        await using var host = await StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostRawAsync("""{"query":"{ totara_webapi_status { status } }"}""", withToken: false);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(
            "The request did not contain the required Authorization header. Ensure you set the header in your request and that it is not being stripped by your server or proxy configuration.",
            Assert.Single(response.Errors).DebugMessage());
    }

    [Fact]
    public async Task Authentication_error_for_a_token_past_its_lifetime()
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

        Assert.Equal(HttpStatusCode.OK, expired.Status);
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

        Assert.Equal(InvalidTokenBody, afterExpiry.Text);
        Assert.Equal(HttpStatusCode.OK, withNewToken.Status);
        Assert.Empty(withNewToken.Errors);
    }

    [Fact]
    public async Task Authentication_error_for_a_suspended_service_account_reads_API_user_is_invalid()
    {
        await using var host = await StartAsync();
        var record = host.AddClient("suspended-client", "s2", serviceUsername: "svc_suspended");
        using var client = new ApiTestClient(host.Url, "suspended-client", "s2");
        await client.GetTokenAsync();
        var user = host.State.Users.GetById(record.ServiceUserId)!;
        host.State.Users.Update(user, u => u.Suspended = true);

        using var response = await client.PostAsync(StatusQuery);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("API user is invalid.", Assert.Single(response.Errors).DebugMessage());
    }

    [Fact]
    public async Task Authentication_error_reads_only_Authentication_error_at_none()
    {
        await using var host = await StartAsync(new EmulatorOptions { ResponseDebug = ResponseDebug.None });
        using var client = new ApiTestClient(host.Url, "c", "s") { Token = "iNvAlIdTokEN" };

        using var response = await client.PostAsync(StatusQuery);

        // totara_api\watcher\handle_request_pre_watcher swaps in api_access_client_exception.
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"errors":[{"message":"Authentication error","extensions":{"category":"api_access"}}]}""", response.Text);
    }

    [Fact]
    public async Task Authentication_error_carries_a_trace_at_developer()
    {
        await using var host = await StartAsync(new EmulatorOptions { ResponseDebug = ResponseDebug.Developer });
        using var client = new ApiTestClient(host.Url, "c", "s") { Token = "iNvAlIdTokEN" };

        using var response = await client.PostAsync(StatusQuery);

        var error = Assert.Single(response.Errors);
        Assert.Equal("Internal server error", error.GetProperty("message").GetString());
        Assert.StartsWith("Missing, expired or invalid access token.", error.DebugMessage());
        Assert.True(error.GetProperty("extensions").GetProperty("trace").GetArrayLength() > 0);
    }

    private static async Task<EmulatorHost> StartAsync(EmulatorOptions? options = null)
    {
        var host = await EmulatorHost.StartAsync(options);
        host.AddClient("c", "s");
        return host;
    }
}

using Totara.Emulator;
using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Site;

public sealed class TokenTests
{
    [Fact]
    public async Task The_first_request_fetches_one_token_and_later_requests_reuse_it()
    {
        await using var site = await TestSite.StartAsync();

        for (var i = 0; i < 3; i++)
            await site.Client.ExecuteAsync(Documents.StatusRequest());

        Assert.Equal(1, site.Host.Counters.TokenRequests);
        Assert.Equal(3, site.Host.Counters.Requests);
    }

    [Fact]
    public async Task Parallel_requests_with_an_expired_token_cause_exactly_one_token_request()
    {
        await using var site = await TestSite.StartAsync();
        await site.Client.ExecuteAsync(Documents.StatusRequest());
        site.Host.Switches.ExpireAllTokens();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => site.Client.ExecuteAsync(Documents.StatusRequest())));

        Assert.All(responses, r => Assert.Empty(r.Errors));
        Assert.Equal(2, site.Host.Counters.TokenRequests);
        Assert.Equal(2, site.Host.Counters.TokensIssued);
    }

    [Fact]
    public async Task Parallel_first_requests_share_one_token_request()
    {
        await using var site = await TestSite.StartAsync();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => site.Client.ExecuteAsync(Documents.StatusRequest())));

        Assert.Equal(1, site.Host.Counters.TokenRequests);
        Assert.Equal(0, site.Host.Counters.Unauthorized);
    }

    [Fact]
    public async Task An_expired_token_answered_as_HTTP_200_errors_is_renewed_once_at_normal()
    {
        await using var site = await TestSite.StartAsync();
        await site.Client.ExecuteAsync(Documents.StatusRequest());
        site.Host.Switches.ExpireAllTokens();

        var response = await site.Client.ExecuteAsync(Documents.StatusRequest());

        Assert.Equal("ok", response.Data!.Value.GetProperty("totara_webapi_status").GetProperty("status").GetString());
        Assert.Equal(1, site.Host.Counters.Unauthorized);
        Assert.Equal(2, site.Host.Counters.TokenRequests);
    }

    [Fact]
    public async Task A_blocked_address_is_not_renewed_and_stops_with_an_error_naming_the_allow_list()
    {
        await using var site = await TestSite.StartAsync();
        site.Host.RestrictClientAddresses(TestSite.ClientId, "10.0.0.0/8");

        var ex = await Assert.ThrowsAsync<TotaraAuthenticationException>(() => site.Client.ExecuteAsync(Documents.StatusRequest()));

        Assert.Contains("Request from address 127.0.0.1 was blocked", ex.Message);
        Assert.Contains("allowed IP addresses", ex.Message);
        // One token, one refused request: a new token would be refused the same way.
        Assert.Equal(1, site.Host.Counters.TokenRequests);
        Assert.Equal(1, site.Host.Counters.Unauthorized);
    }

    [Fact]
    public async Task Tokens_are_renewed_before_they_expire_during_a_long_run()
    {
        // Virtual time: each request moves the clock; tokens live 10 minutes.
        await using var site = await TestSite.StartAsync(o => o.TokenLifetime = TimeSpan.FromMinutes(10), virtualClock: true);

        for (var i = 0; i < 10; i++)
        {
            await site.Client.ExecuteAsync(Documents.StatusRequest());
            site.Clock!.Advance(TimeSpan.FromMinutes(3));
        }

        // 30 minutes with 10-minute tokens renewed a margin early: 4 tokens, and never a 401.
        Assert.InRange(site.Host.Counters.TokenRequests, 3, 5);
        Assert.Equal(0, site.Host.Counters.Unauthorized);
    }

    [Fact]
    public async Task Wrong_credentials_give_Totaras_oauth_error_text_and_never_the_secret()
    {
        await using var site = await TestSite.StartAsync();
        const string wrongSecret = "Wr0ng-S3cret-d41d8cd98f";
        using var client = site.NewClient(credential: TotaraCredential.FromClientCredentials(TestSite.ClientId, wrongSecret));

        var ex = await Assert.ThrowsAsync<TotaraAuthenticationException>(() => client.ExecuteAsync(Documents.StatusRequest()));

        Assert.Contains("Client authentication failed", ex.Message);
        Assert.Contains("invalid_client", ex.Message);
        Assert.Contains(TestSite.ClientId, ex.Message);
        Assert.DoesNotContain(wrongSecret, ex.ToString());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.Equal(0, site.Host.Counters.Requests);
    }

    [Fact]
    public async Task An_expired_token_answered_Authentication_error_is_renewed_once_at_none()
    {
        await using var site = await TestSite.StartAsync(o => o.ResponseDebug = ResponseDebug.None);
        await site.Client.ExecuteAsync(Documents.StatusRequest());
        site.Host.Switches.ExpireAllTokens();

        var response = await site.Client.ExecuteAsync(Documents.StatusRequest());

        Assert.Empty(response.Errors);
        Assert.Equal(1, site.Host.Counters.Unauthorized);
        Assert.Equal(2, site.Host.Counters.TokenRequests);
    }

    [Theory]
    [InlineData(ResponseDebug.Normal)]
    [InlineData(ResponseDebug.None)]
    public async Task A_token_refused_again_after_one_renewal_stops_with_a_clear_authentication_error(ResponseDebug level)
    {
        await using var site = await TestSite.StartAsync(o => o.ResponseDebug = level);
        await site.Client.ExecuteAsync(Documents.StatusRequest());
        var service = site.Host.State.Users.GetByUsername("api_service")!;
        site.Host.State.Users.Update(service, u => u.Suspended = true);

        var ex = await Assert.ThrowsAsync<TotaraAuthenticationException>(() => site.Client.ExecuteAsync(Documents.StatusRequest()));

        Assert.StartsWith("Authentication failed: the site refused a newly issued access token too", ex.Message);
        Assert.Equal(2, site.Host.Counters.TokenRequests);
        Assert.Equal(2, site.Host.Counters.Unauthorized);
    }

    [Fact]
    public async Task A_pre_issued_token_is_used_as_given_and_a_401_is_final()
    {
        await using var site = await TestSite.StartAsync();
        var token = site.Host.IssueToken(TestSite.ClientId);
        using var client = site.NewClient(credential: TotaraCredential.FromAccessToken(token));

        var ok = await client.ExecuteAsync(Documents.StatusRequest());
        site.Host.Switches.ExpireAllTokens();
        var ex = await Assert.ThrowsAsync<TotaraAuthenticationException>(() => client.ExecuteAsync(Documents.StatusRequest()));

        Assert.Empty(ok.Errors);
        Assert.Contains("Missing, expired or invalid access token", ex.Message);
        Assert.DoesNotContain(token, ex.ToString());
        Assert.Equal(0, site.Host.Counters.TokenRequests);
        Assert.Equal(1, site.Host.Counters.Unauthorized);
    }
}

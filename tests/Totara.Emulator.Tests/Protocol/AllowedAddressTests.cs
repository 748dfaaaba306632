using System.Net;
using Totara.Emulator.Api;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Protocol;

/// <summary>
/// An API client's allowed IP addresses. Totara's class for this is not in the searchable index;
/// the text is the one the fidelity issue quotes ("Request from address … was blocked"), raised like
/// the access token validator's errors: HTTP 200, "Internal server error", the text in debugMessage.
/// </summary>
public sealed class AllowedAddressTests
{
    [Fact]
    public async Task A_request_from_outside_the_allowed_addresses_is_blocked_with_HTTP_200()
    {
        await using var host = await new ProtocolSchema().StartAsync();
        host.RestrictClientAddresses("c", "10.0.0.0/8", "192.168.1.7");
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostAsync("{ totara_webapi_status { status } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var error = Assert.Single(response.Errors);
        Assert.Equal("Internal server error", error.GetProperty("message").GetString());
        Assert.Equal("Request from address 127.0.0.1 was blocked", error.DebugMessage());
    }

    [Fact]
    public async Task A_request_from_an_allowed_network_runs()
    {
        await using var host = await new ProtocolSchema().StartAsync();
        host.RestrictClientAddresses("c", "10.0.0.0/8", "127.0.0.0/8");
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostAsync("{ totara_webapi_status { status } }");

        Assert.Empty(response.Errors);
    }

    [Fact]
    public async Task At_none_a_blocked_address_reads_Authentication_error()
    {
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { ResponseDebug = ResponseDebug.None });
        host.RestrictClientAddresses("c", "10.0.0.1");
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostAsync("{ totara_webapi_status { status } }");

        var error = Assert.Single(response.Errors);
        Assert.Equal("Authentication error", error.GetProperty("message").GetString());
        Assert.Equal(ErrorCategories.ApiAccess, error.GetProperty("extensions").GetProperty("category").GetString());
        Assert.DoesNotContain("127.0.0.1", response.Text);
    }

    [Fact]
    public async Task No_addresses_lifts_the_limit()
    {
        await using var host = await new ProtocolSchema().StartAsync();
        host.RestrictClientAddresses("c", "10.0.0.1");
        host.RestrictClientAddresses("c");
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostAsync("{ totara_webapi_status { status } }");

        Assert.Empty(response.Errors);
    }

    [Fact]
    public async Task An_entry_that_is_no_address_is_refused_when_set()
    {
        await using var host = await new ProtocolSchema().StartAsync();

        var ex = Assert.Throws<FormatException>(() => host.RestrictClientAddresses("c", "10.0.0.0/40"));
        Assert.Contains("10.0.0.0/40", ex.Message);
    }
}

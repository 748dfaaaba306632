using System.Net;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Protocol;

/// <summary>
/// Totara's response_debug setting (totara_api\global_api_config::get_response_debug_flag, and
/// webonyx FormattedError): what a resolver error shows at NONE, NORMAL (the default) and
/// DEVELOPER.
/// </summary>
public sealed class ResponseDebugTests
{
    [Fact]
    public async Task Resolver_error_reads_Internal_server_error_with_its_text_in_debugMessage_at_normal()
    {
        await using var host = await new ProtocolSchema().StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostAsync("{ refuse }");

        var error = Assert.Single(response.Errors);
        Assert.Equal("Internal server error", error.GetProperty("message").GetString());
        var extensions = error.GetProperty("extensions");
        Assert.Equal("internal", extensions.GetProperty("category").GetString());
        Assert.Equal("You cannot do that.", error.DebugMessage());
        Assert.False(extensions.TryGetProperty("trace", out _));
    }

    [Fact]
    public async Task Resolver_error_carries_no_text_at_none()
    {
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { ResponseDebug = ResponseDebug.None });
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostAsync("{ refuse }");

        var error = Assert.Single(response.Errors);
        Assert.Equal("Internal server error", error.GetProperty("message").GetString());
        Assert.Equal("""{"category":"internal"}""", error.GetProperty("extensions").GetRawText());
        Assert.DoesNotContain("You cannot do that.", response.Text);
    }

    [Fact]
    public async Task Resolver_error_carries_a_trace_at_developer()
    {
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { ResponseDebug = ResponseDebug.Developer });
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostAsync("{ refuse }");

        var error = Assert.Single(response.Errors);
        Assert.Equal("You cannot do that.", error.DebugMessage());
        var frame = error.GetProperty("extensions").GetProperty("trace")[0];
        Assert.True(frame.TryGetProperty("line", out _));
        Assert.True(frame.TryGetProperty("call", out _));
    }

    [Fact]
    public async Task Response_debug_can_be_switched_while_running()
    {
        await using var host = await new ProtocolSchema().StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");
        host.Switches.ResponseDebug = ResponseDebug.None;

        using var response = await client.PostAsync("{ refuse }");

        Assert.Null(Assert.Single(response.Errors).DebugMessage());
    }

    [Fact]
    public async Task Client_safe_errors_keep_their_message_at_none()
    {
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { ResponseDebug = ResponseDebug.None });
        using var client = new ApiTestClient(host.Url, "c", "s");

        // A request error (here a missing variable) is client-safe: its text stays even at none.
        // (Standard validation does not run on Totara's external endpoint, so an unknown field gives none.)
        using var response = await client.PostAsync("mutation m($n: String!) { add_item(name: $n) { name } }", new { });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var error = Assert.Single(response.Errors);
        Assert.Contains("$n", error.GetProperty("message").GetString());
        Assert.Equal("graphql", error.GetProperty("extensions").GetProperty("category").GetString());
    }
}

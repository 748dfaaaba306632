using System.Net;
using System.Text.Json;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Protocol;

/// <summary>
/// totara_webapi\request::validate, run after the token is accepted: what it refuses, and how the
/// refusal reaches the client. server::handle_request catches its webapi_request_exception, which
/// is not client safe, and send_response(..., 200) sends it: "Internal server error" with the text
/// in debugMessage (at NORMAL), no text at NONE.
/// </summary>
public sealed class RequestValidationTests
{
    [Theory]
    [InlineData("", "Invalid request, request cannot be empty")]
    [InlineData("not json", "Invalid request, request cannot be empty")]
    [InlineData("{}", "Invalid request, request cannot be empty")]
    [InlineData("[]", "Invalid request, request cannot be empty")]
    [InlineData("""{"variables":{}}""", "Query parameter is missing")]
    [InlineData("""{"query":""}""", "Query parameter is missing")]
    [InlineData("""[{"query":"{ totara_webapi_status { status } }"},{"operationName":"x"}]""", "Query parameter is missing")]
    [InlineData("""{"query":"{ totara_webapi_status { status } }","queryId":"abc"}""", "Invalid request, we do not support standard persistent queries")]
    [InlineData("""{"query":"query GetStatus { totara_webapi_status { status } }","operationName":"GetStatus"}""", "Invalid request, validation of operationName failed")]
    [InlineData("""{"query":"query s { totara_webapi_status { status } }","operationName":"s"}""", "Invalid request, validation of operationName failed")]
    public async Task Request_validate_refusals_are_sent_with_HTTP_200_and_their_text_in_debugMessage(string body, string text)
    {
        await using var host = await new ProtocolSchema().StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(JsonValueKind.Undefined, response.Data.ValueKind);
        var error = Assert.Single(response.Errors);
        Assert.Equal("Internal server error", error.GetProperty("message").GetString());
        Assert.Equal("internal", error.GetProperty("extensions").GetProperty("category").GetString());
        Assert.Equal(text, error.DebugMessage());
    }

    [Fact]
    public async Task Request_validate_refusals_carry_no_text_at_none()
    {
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { ResponseDebug = ResponseDebug.None });
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostRawAsync("{}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"errors":[{"message":"Internal server error","extensions":{"category":"internal"}}]}""", response.Text);
    }

    [Theory]
    [InlineData("status_1")]
    [InlineData("IntrospectionQuery")]
    public async Task Operation_names_of_lower_case_letters_digits_and_underscores_are_accepted(string name)
    {
        await using var host = await new ProtocolSchema().StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");
        var body = JsonSerializer.Serialize(new { query = $"query {name} {{ totara_webapi_status {{ status }} }}", operationName = name });

        using var response = await client.PostRawAsync(body);

        Assert.Empty(response.Errors);
        Assert.Equal("ok", response.Data.GetProperty("totara_webapi_status").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Variables_that_are_not_an_object_are_a_client_safe_request_error()
    {
        await using var host = await new ProtocolSchema().StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostRawAsync("""{"query":"{ totara_webapi_status { status } }","variables":"[1,2]"}""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var error = Assert.Single(response.Errors);
        Assert.StartsWith("GraphQL Request parameter \"variables\" must be object", error.GetProperty("message").GetString());
        Assert.Equal("request", error.GetProperty("extensions").GetProperty("category").GetString());
    }

    [Fact]
    public async Task The_token_is_checked_before_the_request()
    {
        await using var host = await new ProtocolSchema().StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s") { Token = "not-a-token" };

        using var response = await client.PostRawAsync("{}");

        Assert.StartsWith("Missing, expired or invalid access token", Assert.Single(response.Errors).DebugMessage());
    }
}

using System.Net;
using System.Text.Json;
using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Unit;

public sealed class TransportTests
{
    [Fact]
    public async Task Requests_go_to_the_sites_folder_with_variables_in_the_body()
    {
        var stub = new StubHandler((r, _) => r.RequestUri!.AbsolutePath.EndsWith("token.php")
            ? StubHandler.Token()
            : StubHandler.Json(HttpStatusCode.OK, """{"data":{"x":1}}"""));
        using var client = stub.NewClient();

        await client.ExecuteAsync(new GraphQLRequest("query op_q($u: String) { x(u: $u) }", new Dictionary<string, object?>
        {
            ["u"] = "O'Brien \"quoted\" }",
            ["when"] = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            ["list"] = new[] { 1, 2 },
        }, "op_q"));

        Assert.Equal("/site/totara/oauth2/token.php", stub.Requests[0].Path);
        Assert.Contains("grant_type=client_credentials", stub.Requests[0].Body);
        Assert.Equal("/site/api/graphql.php", stub.Requests[1].Path);
        using var body = JsonDocument.Parse(stub.Requests[1].Body);
        Assert.Equal("query op_q($u: String) { x(u: $u) }", body.RootElement.GetProperty("query").GetString());
        Assert.Equal("O'Brien \"quoted\" }", body.RootElement.GetProperty("variables").GetProperty("u").GetString());
        Assert.Equal("2026-01-02T03:04:05.0000000+00:00", body.RootElement.GetProperty("variables").GetProperty("when").GetString());
        Assert.Equal(2, body.RootElement.GetProperty("variables").GetProperty("list").GetArrayLength());
        Assert.Equal("op_q", body.RootElement.GetProperty("operationName").GetString());
    }

    [Fact]
    public async Task A_400_with_a_GraphQL_body_is_read_as_Totaras_error()
    {
        var stub = new StubHandler((r, _) => r.RequestUri!.AbsolutePath.EndsWith("token.php")
            ? StubHandler.Token()
            : StubHandler.Json(HttpStatusCode.BadRequest, """{"errors":[{"message":"Syntax Error: Unexpected Name \"qurey\"","extensions":{"category":"graphql"}}]}"""));
        using var client = stub.NewClient();

        var ex = await Assert.ThrowsAsync<TotaraValidationException>(() => client.ExecuteAsync(new GraphQLRequest("qurey { x }")));

        Assert.Contains("Unexpected Name", ex.Message);
        Assert.Equal("graphql", ex.Category);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
    }

    [Fact]
    public async Task A_proxys_html_502_is_retried_then_reported_as_a_server_failure()
    {
        var stub = new StubHandler((r, _) => r.RequestUri!.AbsolutePath.EndsWith("token.php")
            ? StubHandler.Token()
            : new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent("<html>Bad gateway</html>") });
        using var client = stub.NewClient(o => o.MaxRetryAttempts = 3);

        var ex = await Assert.ThrowsAsync<TotaraServerException>(() => client.ExecuteAsync(new GraphQLRequest("{ x }")));

        Assert.Equal(HttpStatusCode.BadGateway, ex.StatusCode);
        Assert.Equal(1 + 4, stub.Requests.Count);
    }

    [Fact]
    public async Task A_408_is_retried()
    {
        var calls = 0;
        var stub = new StubHandler((r, _) => r.RequestUri!.AbsolutePath.EndsWith("token.php")
            ? StubHandler.Token()
            : Interlocked.Increment(ref calls) == 1
                ? new HttpResponseMessage(HttpStatusCode.RequestTimeout)
                : StubHandler.Json(HttpStatusCode.OK, """{"data":{"x":1}}"""));
        using var client = stub.NewClient();

        var response = await client.ExecuteAsync(new GraphQLRequest("{ x }"));

        Assert.Equal(1, response.Data!.Value.GetProperty("x").GetInt32());
    }

    [Fact]
    public async Task Errors_keep_category_debug_message_and_path()
    {
        var stub = new StubHandler((r, _) => r.RequestUri!.AbsolutePath.EndsWith("token.php")
            ? StubHandler.Token()
            : StubHandler.Json(HttpStatusCode.OK, """{"data":{"a":null,"b":{"id":"2"}},"errors":[{"message":"Nope","path":["a",0,"id"],"extensions":{"category":"generic","debugMessage":"why"}}]}"""));
        using var client = stub.NewClient();

        var response = await client.ExecuteAsync(new GraphQLRequest("{ a { id } b { id } }"));

        var error = Assert.Single(response.Errors);
        Assert.Equal("Nope", error.Message);
        Assert.Equal("generic", error.Category);
        Assert.Equal("why", error.DebugMessage);
        Assert.Equal(new object[] { "a", 0, "id" }, error.Path!.ToArray());
        Assert.Equal("a", error.RootField);
        Assert.Equal("2", response.Data!.Value.GetProperty("b").GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_complexity_error_without_data_is_a_complexity_exception()
    {
        var stub = new StubHandler((r, _) => r.RequestUri!.AbsolutePath.EndsWith("token.php")
            ? StubHandler.Token()
            : StubHandler.Json(HttpStatusCode.OK, """{"errors":[{"message":"Query complexity exceeded maximum allowed complexity of 6000.","extensions":{"category":"query_complexity"}}]}"""));
        using var client = stub.NewClient();

        var ex = await Assert.ThrowsAsync<TotaraComplexityException>(() => client.ExecuteAsync(new GraphQLRequest("{ x }")));

        Assert.Equal("Query complexity exceeded maximum allowed complexity of 6000.", ex.Message);
        Assert.Equal("query_complexity", ex.Category);
    }

    [Fact]
    public async Task A_variable_that_cannot_be_sent_is_named()
    {
        var stub = new StubHandler((_, _) => StubHandler.Token());
        using var client = stub.NewClient();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.ExecuteAsync(new GraphQLRequest("{ x }",
            new Dictionary<string, object?> { ["input"] = new Dictionary<string, object?> { ["when"] = new object() } })));

        Assert.Contains("input.when", ex.Message);
    }
}

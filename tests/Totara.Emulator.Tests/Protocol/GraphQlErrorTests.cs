using System.Net;
using System.Text.Json;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Protocol;

public sealed class GraphQlErrorTests
{
    [Fact]
    public async Task An_unexpected_exception_reads_Internal_server_error_without_details()
    {
        await using var host = await new ProtocolSchema().StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostAsync("{ boom }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var error = Assert.Single(response.Errors);
        Assert.Equal("Internal server error", error.GetProperty("message").GetString());
        Assert.Equal("internal", error.GetProperty("extensions").GetProperty("category").GetString());
        Assert.DoesNotContain("secret stack detail", response.Text);
        Assert.DoesNotContain("InvalidOperationException", response.Text);
        Assert.Equal("boom", error.GetProperty("path")[0].GetString());
    }

    [Fact]
    public async Task Variable_errors_have_the_graphql_category_and_unknown_fields_give_none()
    {
        await using var host = await new ProtocolSchema().StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");

        // totara_webapi\server runs no standard validation: the unknown field is skipped.
        using var unknown = await client.PostAsync("{ no_such_field }");
        using var missingVariable = await client.PostAsync("mutation m($n: String!) { add_item(name: $n) { name } }", new { });

        Assert.Empty(unknown.Errors);
        var error = Assert.Single(missingVariable.Errors);
        Assert.Equal("graphql", error.GetProperty("extensions").GetProperty("category").GetString());
        Assert.False(missingVariable.Body.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object);
    }

    [Fact]
    public async Task Variables_may_be_an_object_a_json_string_or_null()
    {
        await using var host = await new ProtocolSchema().StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");
        const string mutation = "mutation m($n: String!) { add_item(name: $n) { name } }";

        using var asObject = await client.PostRawAsync(JsonSerializer.Serialize(new { query = mutation, variables = new { n = "one" } }));
        using var asString = await client.PostRawAsync(JsonSerializer.Serialize(new { query = mutation, variables = """{"n":"two"}""" }));
        using var asNull = await client.PostRawAsync("""{"query":"{ totara_webapi_status { status } }","variables":null}""");
        using var asEmptyString = await client.PostRawAsync("""{"query":"{ totara_webapi_status { status } }","variables":"{}"}""");

        Assert.Equal("one", asObject.Data.GetProperty("add_item").GetProperty("name").GetString());
        Assert.Equal("two", asString.Data.GetProperty("add_item").GetProperty("name").GetString());
        Assert.Equal("ok", asNull.Data.GetProperty("totara_webapi_status").GetProperty("status").GetString());
        Assert.Equal("ok", asEmptyString.Data.GetProperty("totara_webapi_status").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_document_seen_before_still_has_its_variables_checked_and_an_invalid_one_stays_invalid()
    {
        await using var host = await new ProtocolSchema().StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");
        const string mutation = "mutation m($n: String!) { add_item(name: $n) { name } }";

        using var first = await client.PostAsync(mutation, new { n = "one" });
        using var missingVariable = await client.PostAsync(mutation, new { });
        using var missingAgain = await client.PostAsync(mutation, new { });

        Assert.Empty(first.Errors);
        var error = Assert.Single(missingVariable.Errors);
        Assert.Contains("$n", error.GetProperty("message").GetString());
        Assert.Equal("graphql", error.GetProperty("extensions").GetProperty("category").GetString());
        Assert.Equal(missingVariable.Text, missingAgain.Text);
    }

    [Fact]
    public async Task The_operation_name_selects_the_operation()
    {
        await using var host = await new ProtocolSchema().StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");
        var body = JsonSerializer.Serialize(new
        {
            query = "query first_op { boom } query second_op { totara_webapi_status { status } }",
            operationName = "second_op",
        });

        using var response = await client.PostRawAsync(body);

        Assert.Empty(response.Errors);
        Assert.Equal("ok", response.Data.GetProperty("totara_webapi_status").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Aliased_mutations_run_in_order_and_a_failing_alias_does_not_stop_the_rest()
    {
        var schema = new ProtocolSchema();
        await using var host = await schema.StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostAsync(
            "mutation { m1: add_item(name: \"one\") { name } m2: add_item(name: \"bad\") { name } m3: add_item(name: \"three\") { name } }");

        Assert.Equal(new[] { "one", "three" }, schema.Added.ToArray());
        Assert.Equal("one", response.Data.GetProperty("m1").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty("m2").ValueKind);
        Assert.Equal("three", response.Data.GetProperty("m3").GetProperty("name").GetString());
        var error = Assert.Single(response.Errors);
        Assert.Equal("Item name is not allowed.", error.DebugMessage());
        Assert.Equal("m2", error.GetProperty("path")[0].GetString());
        Assert.Equal(3, host.Counters.MutationsExecuted);
    }
}

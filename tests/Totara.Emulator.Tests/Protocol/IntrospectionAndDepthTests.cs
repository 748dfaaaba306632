using System.Text.Json;
using System.Net;
using Totara.Emulator.Api;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Protocol;

public sealed class IntrospectionAndDepthTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _site;

    public IntrospectionAndDepthTests(EmulatorFixture site) => _site = site;

    [Fact]
    public async Task Introspection_is_refused_for_a_client_that_does_not_allow_it()
    {
        using var client = _site.CreateClient();

        using var response = await client.PostAsync("query { __schema { queryType { name } } }");

        // totara_webapi\endpoint_type\external::get_client_validation_rules: a validation error,
        // client safe, sent with HTTP 200 like every GraphQL result; nothing runs.
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(JsonValueKind.Undefined, response.Data.ValueKind);
        var error = Assert.Single(response.Errors);
        Assert.Equal("GraphQL introspection is not allowed, but the query contained __schema or __type", error.GetProperty("message").GetString());
        Assert.Equal("graphql", error.GetProperty("extensions").GetProperty("category").GetString());
    }

    [Fact]
    public async Task A_type_query_hidden_in_a_fragment_is_refused_too()
    {
        using var client = _site.CreateClient();

        using var response = await client.PostAsync("query { ...f } fragment f on Query { __type(name: \"Query\") { name } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.StartsWith("GraphQL introspection is not allowed", Assert.Single(response.Errors).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Introspection_runs_for_a_client_that_allows_it()
    {
        using var client = _site.CreateIntrospectionClient();

        using var response = await client.PostAsync("query { __schema { queryType { name } } }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("""{"data":{"__schema":{"queryType":{"name":"Query"}}}}""", response.Text);
    }

    [Fact]
    public async Task Typename_alone_is_not_introspection()
    {
        using var client = _site.CreateClient();

        using var response = await client.PostAsync("query { __typename }");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Query", response.Data.GetProperty("__typename").GetString());
    }

    [Theory]
    [InlineData("{ a }", 0)]
    [InlineData("{ a { b } }", 0)]
    [InlineData("{ a { b { c } } }", 1)]
    [InlineData("{ a { ...f } } fragment f on T { b { c { d } } }", 2)]
    [InlineData("{ a { ... on T { b { c } } } }", 1)]
    public void Depth_is_measured_as_webonyx_QueryDepth_measures_it(string document, int depth)
    {
        Assert.Equal(depth, DocumentAnalysis.Analyse(document).Depth);
    }

    [Fact]
    public async Task A_document_deeper_than_the_maximum_is_refused_before_execution()
    {
        var schema = new ProtocolSchema();
        await using var host = await schema.StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var atLimit = await client.PostAsync(Tree(15));
        using var overLimit = await client.PostAsync(Tree(16));

        Assert.Empty(atLimit.Errors);
        var error = Assert.Single(overLimit.Errors);
        Assert.Equal("Max query depth should be 15 but got 16.", error.GetProperty("message").GetString());
        Assert.Equal("graphql", error.GetProperty("extensions").GetProperty("category").GetString());
    }

    [Fact]
    public async Task The_depth_limit_can_be_switched_off()
    {
        var schema = new ProtocolSchema();
        await using var host = await schema.StartAsync(new EmulatorOptions { MaxDepth = null });
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostAsync(Tree(20));

        Assert.Empty(response.Errors);
    }

    // A query whose depth (as QueryDepth counts it) is exactly the given number.
    private static string Tree(int depth)
    {
        var open = string.Concat(Enumerable.Repeat("child { ", depth));
        var close = string.Concat(Enumerable.Repeat("} ", depth));
        return "{ tree { " + open + "name " + close + "} }";
    }
}

using System.Text.Json;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Protocol;

public sealed class ComplexityTests
{
    // Each alias costs 10 (root mutation) + 1 (name) = 11.
    private static string AddItems(int count) =>
        "mutation { " + string.Concat(Enumerable.Range(1, count).Select(i => $"m{i}: add_item(name: \"item{i}\") {{ name }} ")) + "}";

    [Fact]
    public async Task Complexity_is_counted_while_executing_5_per_root_query_field_and_1_per_resolved_field()
    {
        await using var host = await new ProtocolSchema().StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostAsync("{ a: totara_webapi_status { status } b: totara_webapi_status { status } t: tree { name child { name } } }");

        Assert.Empty(response.Errors);
        // a: 5+1, b: 5+1, t: 5 + name 1 + child 1 + child.name 1
        Assert.Equal(6 + 6 + 8, host.Counters.PointsSpent);
    }

    [Fact]
    public async Task A_root_mutation_field_costs_10()
    {
        await using var host = await new ProtocolSchema().StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostAsync(AddItems(3));

        Assert.Empty(response.Errors);
        Assert.Equal(33, host.Counters.PointsSpent);
        Assert.Equal(3, host.Counters.MutationsExecuted);
    }

    [Fact]
    public async Task A_root_typename_costs_nothing_and_is_not_a_mutation()
    {
        await using var host = await new ProtocolSchema().StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostAsync("mutation { __typename m1: add_item(name: \"x\") { name } }");

        Assert.Empty(response.Errors);
        Assert.Equal("Mutation", response.Data.GetProperty("__typename").GetString());
        // Totara meters only fields its default resolver resolves; __typename has the GraphQL library's own resolver.
        Assert.Equal(11, host.Counters.PointsSpent);
        Assert.Equal(1, host.Counters.MutationsExecuted);
    }

    [Fact]
    public async Task Typename_inside_returned_objects_costs_nothing()
    {
        await using var host = await new ProtocolSchema().StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var response = await client.PostAsync("{ t: tree { __typename name child { __typename name } } }");

        Assert.Empty(response.Errors);
        Assert.Equal(5 + 3, host.Counters.PointsSpent); // root 5, name, child, child.name
    }

    [Fact]
    public async Task Schema_and_type_introspection_and_every_field_beneath_them_cost_nothing()
    {
        await using var host = await new ProtocolSchema().StartAsync(new EmulatorOptions { MaxComplexity = 10 });
        host.AddClient("i", "s", allowIntrospection: true);
        using var client = new ApiTestClient(host.Url, "i", "s");

        // Hundreds of introspection fields under a maximum of 10, beside one metered query of 6.
        using var response = await client.PostAsync("""
            {
              __schema { queryType { name } types { name kind fields { name args { name type { name kind ofType { name } } } } } }
              __type(name: "Query") { name fields { name type { name } } }
              s: totara_webapi_status { status }
            }
            """);

        Assert.Empty(response.Errors);
        Assert.True(response.Data.GetProperty("__schema").GetProperty("types").GetArrayLength() > 5);
        Assert.Equal(6, host.Counters.PointsSpent);
    }

    [Fact]
    public async Task Passing_the_maximum_fails_that_field_and_every_later_one_while_earlier_aliases_stay_applied()
    {
        var schema = new ProtocolSchema();
        await using var host = await schema.StartAsync(new EmulatorOptions { MaxComplexity = 40 });
        using var client = new ApiTestClient(host.Url, "c", "s");

        // m1..m3 cost 33; m4's root field makes 43 > 40 and fails; m5 fails as well.
        using var response = await client.PostAsync(AddItems(5));

        Assert.Equal(new[] { "item1", "item2", "item3" }, schema.Added.ToArray());
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal($"item{i}", response.Data.GetProperty($"m{i}").GetProperty("name").GetString());
        }

        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty("m4").ValueKind);
        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty("m5").ValueKind);
        Assert.Equal(2, response.Errors.Count);
        foreach (var (error, alias) in response.Errors.Zip(new[] { "m4", "m5" }))
        {
            Assert.Equal("Query complexity exceeded maximum allowed complexity of 40.", error.GetProperty("message").GetString());
            Assert.Equal("query_complexity", error.GetProperty("extensions").GetProperty("category").GetString());
            Assert.Equal(alias, error.GetProperty("path")[0].GetString());
        }

        Assert.Equal(3, host.Counters.MutationsExecuted);
        // The points of the refused fields are spent too.
        Assert.Equal(33 + 10 + 10, host.Counters.PointsSpent);
    }

    [Fact]
    public async Task A_nested_field_can_cross_the_maximum()
    {
        var schema = new ProtocolSchema();
        await using var host = await schema.StartAsync(new EmulatorOptions { MaxComplexity = 10 });
        using var client = new ApiTestClient(host.Url, "c", "s");

        // m1 costs 10 (at the maximum, allowed); its name field makes 11.
        using var response = await client.PostAsync(AddItems(1));

        Assert.Equal(new[] { "item1" }, schema.Added.ToArray());
        var error = Assert.Single(response.Errors);
        Assert.Equal("Query complexity exceeded maximum allowed complexity of 10.", error.GetProperty("message").GetString());
        Assert.Equal("name", error.GetProperty("path")[1].GetString());
    }

    [Fact]
    public async Task The_maximum_can_be_changed_or_switched_off_while_running()
    {
        var schema = new ProtocolSchema();
        await using var host = await schema.StartAsync(new EmulatorOptions { MaxComplexity = 20 });
        using var client = new ApiTestClient(host.Url, "c", "s");

        using var limited = await client.PostAsync(AddItems(3));
        host.Switches.MaxComplexity = null;
        using var unlimited = await client.PostAsync(AddItems(3));

        Assert.NotEmpty(limited.Errors);
        Assert.Empty(unlimited.Errors);
    }

    [Fact]
    public async Task The_default_maximum_is_6000()
    {
        var schema = new ProtocolSchema();
        await using var host = await schema.StartAsync();
        using var client = new ApiTestClient(host.Url, "c", "s");

        // 545 aliases cost 5995; 546 cost 6006.
        using var fits = await client.PostAsync(AddItems(545));
        using var overflows = await client.PostAsync(AddItems(546));

        Assert.Empty(fits.Errors);
        var error = Assert.Single(overflows.Errors);
        Assert.Equal("Query complexity exceeded maximum allowed complexity of 6000.", error.GetProperty("message").GetString());
    }
}

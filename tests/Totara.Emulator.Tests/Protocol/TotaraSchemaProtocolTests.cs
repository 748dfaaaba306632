using System.Net;
using System.Text;
using System.Text.Json;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Protocol;

/// <summary>The protocol rules on the transcribed Totara schema, with core_user_create_user batches.</summary>
public sealed class TotaraSchemaProtocolTests
{
    // Each alias costs 10 (root mutation) + 1 (user) + 1 (id) + 1 (username) = 13.
    private static (string Query, Dictionary<string, object> Variables) CreateUsers(params string[] usernames)
    {
        var query = new StringBuilder("mutation create_users(");
        query.AppendJoin(" ", usernames.Select((_, i) => $"$u{i}: core_user_create_user_input!"));
        query.Append(") { ");
        query.AppendJoin(" ", usernames.Select((_, i) => $"u{i}: core_user_create_user(input: $u{i}) {{ user {{ id username }} }}"));
        query.Append(" }");
        var variables = usernames.Select((name, i) => (Key: $"u{i}", Value: (object)new
        {
            username = name,
            email = $"{name}@example.com",
            firstname = "Test",
            lastname = name,
            generate_password = true,
        })).ToDictionary(p => p.Key, p => p.Value);
        return (query.ToString(), variables);
    }

    [Fact]
    public async Task Aliased_user_creations_before_the_complexity_crossing_are_applied_and_the_rest_are_not()
    {
        await using var host = await EmulatorHost.StartAsync(new EmulatorOptions { MaxComplexity = 30 });
        host.AddClient("c", "s");
        using var client = new ApiTestClient(host.Url, "c", "s");
        var (query, variables) = CreateUsers("batch1", "batch2", "batch3", "batch4");

        using var response = await client.PostAsync(query, variables);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.NotNull(host.State.Users.GetByUsername("batch1"));
        Assert.NotNull(host.State.Users.GetByUsername("batch2"));
        Assert.Null(host.State.Users.GetByUsername("batch3"));
        Assert.Null(host.State.Users.GetByUsername("batch4"));
        Assert.Equal(new[] { "u2", "u3" }, response.Errors.Select(e => e.GetProperty("path")[0].GetString()));
        Assert.All(response.Errors, e =>
        {
            Assert.Equal("Query complexity exceeded maximum allowed complexity of 30.", e.GetProperty("message").GetString());
            Assert.Equal("query_complexity", e.GetProperty("extensions").GetProperty("category").GetString());
        });
        // core_user_create_user is non-null, so GraphQL's null rule empties data as a whole.
        Assert.Equal(JsonValueKind.Null, response.Data.ValueKind);
        Assert.Equal(2, host.Counters.MutationsExecuted);
    }

    [Fact]
    public async Task A_batch_under_the_limit_returns_every_created_user()
    {
        await using var host = await EmulatorHost.StartAsync();
        host.AddClient("c", "s");
        using var client = new ApiTestClient(host.Url, "c", "s");
        var (query, variables) = CreateUsers("ok1", "ok2", "ok3");

        using var response = await client.PostAsync(query, variables);

        Assert.Empty(response.Errors);
        for (var i = 0; i < 3; i++)
        {
            var user = response.Data.GetProperty($"u{i}").GetProperty("user");
            Assert.Equal($"ok{i + 1}", user.GetProperty("username").GetString());
            Assert.Equal(host.State.Users.GetByUsername($"ok{i + 1}")!.Id.ToString(), user.GetProperty("id").ToString());
        }

        Assert.Equal(3 * 13, host.Counters.PointsSpent);
    }

    [Fact]
    public async Task A_connection_dropped_after_execution_still_created_the_user()
    {
        await using var host = await EmulatorHost.StartAsync();
        host.AddClient("c", "s");
        using var client = new ApiTestClient(host.Url, "c", "s");
        await client.GetTokenAsync();
        var (query, variables) = CreateUsers("dropped");

        host.Switches.EnqueueFaults(FaultKind.DropAfterExecute);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(query, variables));
        using var retry = await client.PostAsync(query, variables);

        Assert.NotNull(host.State.Users.GetByUsername("dropped"));
        // The blind retry collides with the user the lost answer had created.
        Assert.NotEmpty(retry.Errors);
    }

    [Fact]
    public async Task The_demo_fixture_serves_the_demo_site()
    {
        var fixture = new DemoEmulatorFixture();
        await fixture.InitializeAsync();
        try
        {
            using var client = fixture.CreateClient();
            using var response = await client.PostAsync("query { core_user_users(query: { pagination: { limit: 5 } }) { total items { username } } }");

            Assert.Empty(response.Errors);
            Assert.True(response.Data.GetProperty("core_user_users").GetProperty("total").GetInt32() > 5);
            Assert.Equal(5, response.Data.GetProperty("core_user_users").GetProperty("items").GetArrayLength());
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }
}

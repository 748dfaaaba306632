using System.Net;
using System.Text.Json;
using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Unit;

public sealed class BatchEdgeTests
{
    private static BatchOperation Status() => new("totara_webapi_status", isMutation: false, Array.Empty<BatchArgument>(), "{ status }");

    [Fact]
    public async Task A_site_that_never_answers_for_an_alias_ends_in_a_failure_not_a_loop()
    {
        var stub = new StubHandler((r, _) => r.RequestUri!.AbsolutePath.EndsWith("token.php")
            ? StubHandler.Token()
            : StubHandler.Json(HttpStatusCode.OK, """{"data":{}}"""));
        using var client = stub.NewClient(o => o.MaxRetryAttempts = 2);

        var result = Assert.Single(await client.ExecuteBatchAsync(new[] { Status() }).ToListAsync());

        Assert.False(result.Succeeded);
        Assert.Equal("no_answer", result.Error!.Category);
        Assert.InRange(stub.Requests.Count, 3, 40);
    }

    [Fact]
    public async Task The_batch_document_carries_every_value_as_a_variable_under_its_alias()
    {
        var stub = new StubHandler((r, _) => r.RequestUri!.AbsolutePath.EndsWith("token.php")
            ? StubHandler.Token()
            : StubHandler.Json(HttpStatusCode.OK, """{"data":{"a0":{"user":{"id":"1"}},"a1":{"user":{"id":"2"}}}}"""));
        using var client = stub.NewClient();
        var operations = new[] { "x\") { evil }", "plain" }.Select((name, i) => new BatchOperation(
            "core_user_create_user", true,
            new[] { new BatchArgument("input", "core_user_create_user_input!", new Dictionary<string, object?> { ["username"] = name }) },
            "user { id }", tag: i)).ToList();

        var results = await client.ExecuteBatchAsync(operations).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded));
        using var body = JsonDocument.Parse(stub.Requests.Last().Body);
        var query = body.RootElement.GetProperty("query").GetString()!;
        Assert.StartsWith("mutation totara_batch($a0_input: core_user_create_user_input!, $a1_input: core_user_create_user_input!)", query);
        Assert.Contains("a0: core_user_create_user(input: $a0_input) { user { id } }", query);
        Assert.DoesNotContain("evil", query);
        Assert.Equal("x\") { evil }", body.RootElement.GetProperty("variables").GetProperty("a0_input").GetProperty("username").GetString());
        Assert.Equal(new object?[] { 0, 1 }, results.Select(r => r.Operation.Tag).ToArray());
    }

    [Fact]
    public async Task A_recovery_check_that_throws_fails_its_operation_with_state_unknown()
    {
        var stub = new StubHandler((r, _) => r.RequestUri!.AbsolutePath.EndsWith("token.php")
            ? StubHandler.Token()
            : throw new HttpRequestException("connection reset by peer"));
        using var client = stub.NewClient();
        var op = new BatchOperation("core_user_delete_user", true,
            new[] { new BatchArgument("target_user", "core_user_user_reference!", new Dictionary<string, object?> { ["username"] = "u1" }) },
            "{ user_id }")
        {
            RecoverAfterLostAnswer = _ => throw new InvalidOperationException("lookup failed"),
        };

        var result = Assert.Single(await client.ExecuteBatchAsync(new[] { op }).ToListAsync());

        Assert.False(result.Succeeded);
        Assert.Contains("lookup failed", result.Error!.Message);
        Assert.Contains("State unknown", result.Error.Message);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Operations_before_a_failed_alias_settle_from_a_known_answer_a_mapped_read_back_or_their_check()
    {
        var stub = new StubHandler((r, body) => r.RequestUri!.AbsolutePath.EndsWith("token.php")
            ? StubHandler.Token()
            : body.StartsWith("{\"query\":\"mutation", StringComparison.Ordinal)
                ? StubHandler.Json(HttpStatusCode.OK, """{"data":null,"errors":[{"message":"Invalid position","path":["a3"]}]}""")
                : StubHandler.Json(HttpStatusCode.OK, """{"data":{"a0":{"user":{"id":"7"}},"a1":{"user":{"id":"8"}}}}"""));
        using var client = stub.NewClient();
        var checks = 0;
        BatchOperation Mutation(string name) => new(name, true, Array.Empty<BatchArgument>(), "{ result }");
        BatchOperation Query() => new("core_user_user", false, Array.Empty<BatchArgument>(), "{ user { id } }");
        var operations = new[]
        {
            Mutation("m_mapped"),
            Mutation("m_unmapped"),
            Mutation("m_known"),
            Mutation("m_failing"),
        };
        operations[0].ReadBack = Query();
        operations[0].ReadBackAnswer = d => JsonDocument.Parse("{\"result\":" + d.GetProperty("user").GetProperty("id").GetString() + "}").RootElement.Clone();
        operations[1].ReadBack = Query();
        operations[1].ReadBackAnswer = _ => null;
        operations[1].RecoverAfterLostAnswer = _ =>
        {
            checks++;
            return Task.FromResult<JsonElement?>(JsonDocument.Parse("{\"result\":\"checked\"}").RootElement.Clone());
        };
        operations[2].AnswerWhenApplied = JsonDocument.Parse("{\"result\":\"known\"}").RootElement.Clone();

        var results = await client.ExecuteBatchAsync(operations).ToListAsync();

        Assert.Equal("7", results[0].Data!.Value.GetProperty("result").GetRawText());
        Assert.Equal("checked", results[1].Data!.Value.GetProperty("result").GetString());
        Assert.Equal(1, checks);
        Assert.Equal("known", results[2].Data!.Value.GetProperty("result").GetString());
        Assert.False(results[3].Succeeded);
        // The batch and one read-back request: the known answer asked nothing of the site.
        var sent = stub.Requests.Where(q => !q.Path.EndsWith("token.php")).ToList();
        Assert.Equal(2, sent.Count);
        Assert.Contains("a0: core_user_user", sent[1].Body);
        Assert.DoesNotContain("a2", sent[1].Body);
    }
}

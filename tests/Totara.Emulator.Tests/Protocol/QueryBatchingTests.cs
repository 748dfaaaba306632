using System.Net;
using System.Text.Json;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.Protocol;

/// <summary>totara_webapi\processor runs webonyx's StandardServer with queryBatching on.</summary>
public class QueryBatchingTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public QueryBatchingTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task The_endpoint_accepts_a_json_array_of_operations_and_answers_an_array_of_results()
    {
        using var client = _fixture.CreateClient();
        var before = _fixture.Host.Counters.PointsSpent;
        var body = JsonSerializer.Serialize(new object[]
        {
            new { query = "{ totara_webapi_status { status } }" },
            new { query = "query ($r: core_user_user_reference!) { core_user_user(reference: $r) { user { username } } }", variables = new { r = new { username = "admin" } } },
        });

        using var response = await client.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var results = response.Body.RootElement;
        Assert.Equal(JsonValueKind.Array, results.ValueKind);
        Assert.Equal(2, results.GetArrayLength());
        Assert.Equal("ok", results[0].GetProperty("data").GetProperty("totara_webapi_status").GetProperty("status").GetString());
        Assert.Equal("admin", results[1].GetProperty("data").GetProperty("core_user_user").GetProperty("user").GetProperty("username").GetString());
        // Both operations are charged: 5 + 1 for the status, 5 + 1 + 1 for the user.
        Assert.Equal(13, _fixture.Host.Counters.PointsSpent - before);
    }
}

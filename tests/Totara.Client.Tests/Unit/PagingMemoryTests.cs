using System.Net;
using System.Text;
using System.Text.Json;
using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Unit;

// The heap is the whole process's: other test classes allocating at the same time would be
// counted as growth, so this class runs alone (after the parallel ones).
[Collection(MeasuresHeap.Name)]
public sealed class PagingMemoryTests
{
    private const int Total = 100_000;
    private const int PageSize = 500;

    /// <summary>A site serving 100,000 users in pages of 500, the cursor being the next offset.</summary>
    private static StubHandler HundredThousandUsers() => new((r, body) =>
    {
        if (r.RequestUri!.AbsolutePath.EndsWith("token.php")) return StubHandler.Token();
        using var request = JsonDocument.Parse(body);
        var cursor = request.RootElement.GetProperty("variables").GetProperty("cursor");
        var offset = cursor.ValueKind == JsonValueKind.String ? int.Parse(cursor.GetString()!) : 0;
        var json = new StringBuilder("{\"data\":{\"core_user_users\":{\"items\":[");
        for (var i = offset; i < Math.Min(offset + PageSize, Total); i++)
            json.Append(i == offset ? "" : ",").Append("{\"id\":\"").Append(i).Append("\",\"username\":\"user").Append(i).Append("\"}");
        var next = offset + PageSize < Total ? $"\"{offset + PageSize}\"" : "null";
        json.Append("],\"total\":").Append(Total).Append(",\"next_cursor\":").Append(next).Append("}}}");
        return StubHandler.Json(HttpStatusCode.OK, json.ToString());
    });

    [Fact]
    public async Task Memory_stays_flat_over_100000_records()
    {
        var stub = HundredThousandUsers();
        using var client = stub.NewClient(o => o.ComplexityBudgetPerMinute = 10_000_000);
        var request = new GraphQLRequest(Documents.UsersPage, new Dictionary<string, object?> { ["limit"] = PageSize }, "users");

        long early = 0, late = 0;
        var count = 0;
        JsonElement firstItem = default;
        await foreach (var user in client.PageAsync(request, "core_user_users"))
        {
            if (count == 0) firstItem = user;
            count++;
            if (count == 2_000) early = GC.GetTotalMemory(forceFullCollection: true);
            if (count == 98_000) late = GC.GetTotalMemory(forceFullCollection: true);
        }

        Assert.Equal(Total, count);
        Assert.Equal(Total / PageSize + 1, stub.Requests.Count);
        // An item yielded long ago is still readable: items are detached from their page.
        Assert.Equal("user0", firstItem.GetProperty("username").GetString());
        // 96,000 records later the heap has not grown with them (holding them would take well over 10 MB).
        Assert.True(late - early < 4_000_000, $"heap grew by {late - early:N0} bytes");
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuresHeap
{
    public const string Name = "Measures the process heap";
}

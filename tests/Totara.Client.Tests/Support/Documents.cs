using System.Text.Json;
using Totara.Emulator;

namespace Totara.Client.Tests.Support;

/// <summary>The documents and batch operations the tests send, written as a module would.</summary>
internal static class Documents
{
    public const string Status = "query status { totara_webapi_status { status timestamp } }";

    public const string UsersPage = """
        query users($cursor: String, $limit: param_integer) {
          core_user_users(query: { pagination: { cursor: $cursor, limit: $limit } }) {
            items { id username }
            total
            next_cursor
          }
        }
        """;

    public static GraphQLRequest StatusRequest() => new(Status, operationName: "status");

    /// <summary>core_user_create_user operations for prefix_0 .. prefix_{count-1}, each recoverable by username.</summary>
    public static List<BatchOperation> CreateUsers(EmulatorHost host, string prefix, int count, bool recoverable = true) =>
        Enumerable.Range(0, count).Select(i => CreateUser(host, $"{prefix}_{i}", recoverable)).ToList();

    public static BatchOperation CreateUser(EmulatorHost host, string username, bool recoverable = true, string? email = null)
    {
        var input = new Dictionary<string, object?>
        {
            ["username"] = username,
            ["email"] = email ?? $"{username}@example.com",
            ["firstname"] = "First " + username,
            ["lastname"] = "Last",
            ["password"] = "Passw0rd!" + username,
        };
        var operation = new BatchOperation(
            "core_user_create_user",
            isMutation: true,
            new[] { new BatchArgument("input", "core_user_create_user_input!", input) },
            "{ user { id username } }",
            tag: username);
        if (recoverable)
            operation.RecoverAfterLostAnswer = _ => Task.FromResult(FindUser(host, username));
        return operation;
    }

    /// <summary>The recovery check: is the user there? Returns data shaped like the mutation's answer.</summary>
    public static JsonElement? FindUser(EmulatorHost host, string username)
    {
        var user = host.State.Users.GetByUsername(username);
        if (user is null) return null;
        var json = JsonSerializer.Serialize(new { user = new { id = user.Id.ToString(), username = user.Username } });
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    public static int CountUsers(EmulatorHost host, string prefix) =>
        host.State.Users.Snapshot(u => u.Username.StartsWith(prefix + "_", StringComparison.Ordinal)).Count;

    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source) list.Add(item);
        return list;
    }
}

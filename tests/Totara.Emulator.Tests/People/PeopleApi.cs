using System.Text.Json;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.People;

/// <summary>
/// Small helpers for people-area tests over real HTTP: run a document, get the data of one
/// root field or the message of its error, and create users without repeating the mutation.
/// </summary>
public static class PeopleApi
{
    public const string CreateUser = """
        mutation ($input: core_user_create_user_input!) {
          core_user_create_user(input: $input) { user { id username email idnumber suspended } }
        }
        """;

    /// <summary>Runs a document that must succeed and returns <c>data.{field}</c>.</summary>
    public static async Task<JsonElement> DataAsync(this ApiTestClient client, string field, string query, object? variables = null)
    {
        using var response = await client.PostAsync(query, variables);
        Assert.True(response.Errors.Count == 0, $"Unexpected errors: {response.Text}");
        return response.Data.GetProperty(field).Clone();
    }

    /// <summary>
    /// Runs a document that must fail and returns the first error's text: its debugMessage
    /// (a resolver error at response_debug NORMAL), else its message (a client-safe error).
    /// </summary>
    public static async Task<string> ErrorAsync(this ApiTestClient client, string query, object? variables = null)
    {
        using var response = await client.PostAsync(query, variables);
        Assert.True(response.Errors.Count > 0, $"Expected an error: {response.Text}");
        return response.Errors[0].DebugMessage() ?? response.Errors[0].GetProperty("message").GetString()!;
    }

    /// <summary>Creates a user with sensible defaults; <paramref name="extra"/> adds or overrides fields.</summary>
    public static async Task<JsonElement> CreateUserAsync(this ApiTestClient client, string username, object? extra = null)
    {
        var input = NewUserInput(username, extra);
        var result = await client.DataAsync("core_user_create_user", CreateUser, new { input });
        return result.GetProperty("user");
    }

    public static Dictionary<string, object?> NewUserInput(string username, object? extra = null)
    {
        var input = new Dictionary<string, object?>
        {
            ["username"] = username,
            ["email"] = username + "@example.org",
            ["firstname"] = "First " + username,
            ["lastname"] = "Last",
            ["password"] = "Secret-123",
        };
        if (extra is not null)
        {
            foreach (var property in extra.GetType().GetProperties())
            {
                input[property.Name] = property.GetValue(extra);
            }
        }

        return input;
    }

    /// <summary>A unique-enough suffix so tests sharing one emulator never collide.</summary>
    public static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];
}

using System.Text.Json;

namespace Totara.Client.Users;

/// <summary>
/// The read-back of a change to one user's membership or enrolment that is known to have run
/// (it came before the alias whose failure nulled the answer): the change's answer is the user's
/// id and username and <c>success</c>; its other flags are not needed, because the callers test
/// each user's state before they change it.
/// </summary>
internal static class UserReadBack
{
    /// <summary><c>core_user_user { user { id username } }</c> for the user the change named.</summary>
    public static BatchOperation Of(UserReference user) =>
        new("core_user_user", false,
            new[] { new BatchArgument("reference", "core_user_user_reference!", user.ToInput()) },
            "user { id username }");

    /// <summary>The change's answer: the user read back, and <c>success</c> (it ran); null when no user came back.</summary>
    public static JsonElement? Answer(JsonElement data) =>
        data.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object
            ? JsonValues.Parse("{\"user\":" + user.GetRawText() + ",\"success\":true}")
            : null;

    /// <summary>Gives <paramref name="operation"/> this read-back.</summary>
    public static BatchOperation WithReadBack(this BatchOperation operation, UserReference user)
    {
        operation.ReadBack = Of(user);
        operation.ReadBackAnswer = Answer;
        return operation;
    }
}

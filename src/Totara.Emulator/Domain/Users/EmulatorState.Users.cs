namespace Totara.Emulator.Domain;

public sealed partial class EmulatorState
{
    public UserStore Users { get; } = new();

    /// <summary>
    /// The user an API client acts as: created on first use with the given username,
    /// reused afterwards. Returns the user's id.
    /// </summary>
    public long EnsureServiceAccount(string username) => Users.EnsureServiceAccount(username);

    /// <summary>
    /// Resolves a core_user_user_reference input (id / username / email / idnumber; every
    /// column given must match) to exactly one live user, or throws TotaraApiException with
    /// Totara's message ("User reference not found", "... must resolve one record only",
    /// "... columns are not being passed."). <paramref name="entityName"/> replaces "User"
    /// in those messages, as Totara does for managers, appraisers and the like.
    /// </summary>
    public UserRecord ResolveUser(IReadOnlyDictionary<string, object?>? reference, string entityName = "User") =>
        UserReference.Resolve(Users, reference, entityName);
}

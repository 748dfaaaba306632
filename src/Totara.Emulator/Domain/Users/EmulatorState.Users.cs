namespace Totara.Emulator.Domain;

public sealed partial class EmulatorState
{
    private UserValidator? _userValidation;

    public UserStore Users { get; } = new();

    /// <summary>Custom user profile fields (user_info_field) by shortname.</summary>
    public UserProfileFields UserProfileFields { get; } = new();

    /// <summary>Totara's user input rules; <c>AllowAccountsSameEmail</c> is the site setting.</summary>
    public UserValidator UserValidation => LazyInitializer.EnsureInitialized(ref _userValidation, () => new UserValidator(Users, UserProfileFields));

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

    /// <summary>Removes what belongs to a deleted user: audience memberships and job assignments.</summary>
    internal void OnUserDeleted(long userId)
    {
        Cohorts.RemoveUserEverywhere(userId);
        Jobs.DeleteAllForUser(userId);
    }
}

namespace Totara.Emulator.Domain;

public sealed partial class EmulatorState
{
    public UserStore Users { get; } = new();

    /// <summary>
    /// The user an API client acts as: created on first use with the given username,
    /// reused afterwards. Returns the user's id.
    /// </summary>
    public long EnsureServiceAccount(string username) => Users.EnsureServiceAccount(username);
}

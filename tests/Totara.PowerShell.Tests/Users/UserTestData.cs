using Totara.Emulator.Domain;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Users;

/// <summary>Small helpers for the user cmdlet tests: unique names and the emulator's user store.</summary>
internal static class UserTestData
{
    /// <summary>A username no other test uses (tests share one emulator per class).</summary>
    public static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 12, 40)];

    public static UserRecord? Stored(this EmulatorRunspaceFixture site, string username) => site.Host.State.Users.GetByUsername(username);

    /// <summary>Adds a user straight into the emulator's store (no request), for tests that need one to exist.</summary>
    public static UserRecord Seed(this EmulatorRunspaceFixture site, string username, Action<UserRecord>? configure = null)
    {
        var users = site.Host.State.Users;
        lock (users.Gate)
        {
            var user = new UserRecord
            {
                Id = users.NextId(),
                Username = username,
                Email = username + "@example.com",
                FirstName = "Seed",
                LastName = "User",
                IdNumber = "ID-" + username,
                Auth = "manual",
                Department = "Seeded",
                City = "Wellington",
                TimeCreated = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                TimeModified = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            };
            configure?.Invoke(user);
            users.Add(user);
            return user;
        }
    }

    public static Dictionary<string, object?> Params(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);
}

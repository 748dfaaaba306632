using System;
using System.Collections.Generic;

namespace Totara.Sync;

/// <summary>The site's users by match key and by username, built once per run (O(N)).</summary>
internal sealed class SiteIndex
{
    private readonly Dictionary<string, SiteUser> _byKey;
    private readonly Dictionary<string, int> _keyCounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SiteUser> _byUsername;

    public SiteIndex(IReadOnlyCollection<SiteUser> users, int matchField)
    {
        _byKey = new Dictionary<string, SiteUser>(users.Count, StringComparer.OrdinalIgnoreCase);
        _byUsername = new Dictionary<string, SiteUser>(users.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var user in users)
        {
            var key = user.Get(matchField);
            if (key.Length > 0)
            {
                if (_byKey.ContainsKey(key)) _keyCounts[key] = (_keyCounts.TryGetValue(key, out var n) ? n : 1) + 1;
                else _byKey[key] = user;
            }
            if (user.Username is { Length: > 0 } username) _byUsername[username] = user;
        }
    }

    /// <summary>The one user with this key; <paramref name="matches"/> says how many have it (more than one: ambiguous).</summary>
    public SiteUser? Find(string key, out int matches)
    {
        if (_keyCounts.TryGetValue(key, out matches)) return null;
        if (_byKey.TryGetValue(key, out var user))
        {
            matches = 1;
            return user;
        }
        matches = 0;
        return null;
    }

    public SiteUser? OwnerOfUsername(string username) => _byUsername.TryGetValue(username, out var user) ? user : null;
}

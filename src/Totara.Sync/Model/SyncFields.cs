using System;
using System.Collections.Generic;

namespace Totara.Sync;

/// <summary>
/// The user fields a sync sets, by their API names, each with a fixed index so a row keeps its
/// values in a small array instead of a dictionary (100,000 rows stay cheap).
/// </summary>
public static class SyncFields
{
    /// <summary>Every field a source row may carry, in the order changes list them.</summary>
    public static readonly IReadOnlyList<string> Names = new[]
    {
        "username", "idnumber", "email", "firstname", "lastname", "middlename", "alternatename", "firstnamephonetic",
        "lastnamephonetic", "department", "institution", "city", "country", "address", "phone1", "phone2",
        "description", "url", "skype", "lang", "theme", "timezone", "auth",
    };

    /// <summary>How many fields <see cref="Names"/> holds: the length of a row's value array.</summary>
    public static readonly int Count = Names.Count;

    /// <summary>The index of <c>username</c> in <see cref="Names"/>.</summary>
    public static readonly int Username = IndexOf("username");
    /// <summary>The index of <c>idnumber</c> in <see cref="Names"/>.</summary>
    public static readonly int IdNumber = IndexOf("idnumber");
    /// <summary>The index of <c>email</c> in <see cref="Names"/>.</summary>
    public static readonly int Email = IndexOf("email");
    /// <summary>The index of <c>country</c> in <see cref="Names"/> (compared as a two-letter code).</summary>
    public static readonly int Country = IndexOf("country");
    /// <summary>The index of <c>auth</c> in <see cref="Names"/>.</summary>
    public static readonly int Auth = IndexOf("auth");

    private static Dictionary<string, int>? _indexes;

    /// <summary>The index of an API field name (case-insensitive), or -1.</summary>
    public static int IndexOf(string field)
    {
        var indexes = _indexes ??= BuildIndexes();
        return indexes.TryGetValue(field ?? "", out var index) ? index : -1;
    }

    /// <summary>
    /// False for fields the API lets us set but not read back (auth): they are sent when a user
    /// is created and never compared, so they cannot make a second run plan an update.
    /// </summary>
    public static bool IsComparable(int index) => index != Auth;

    /// <summary>Fields Totara never lets be blank: an empty source value for them is never sent.</summary>
    public static bool CannotBeBlank(int index) =>
        index == Username || index == Email || index == IndexOf("firstname") || index == IndexOf("lastname") || index == IdNumber;

    /// <summary>Fields Totara compares without regard to case (usernames are stored lower-cased).</summary>
    public static bool IgnoresCase(int index) => index == Username || index == Email || index == Country;

    private static Dictionary<string, int> BuildIndexes()
    {
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Names.Count; i++) map[Names[i]] = i;
        return map;
    }
}

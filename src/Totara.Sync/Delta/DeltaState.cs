using System;
using System.Collections.Generic;

namespace Totara.Sync;

/// <summary>A site user as the last run knew them: the keys planning needs for every user, not only the ones it reads.</summary>
public readonly struct KnownUser
{
    /// <summary>Records one site user's keys as the last run read them.</summary>
    /// <param name="key">The value of the match field; null is kept as "".</param>
    /// <param name="username">The user's username, if known.</param>
    /// <param name="idNumber">The user's idnumber, if known.</param>
    public KnownUser(string key, string? username, string? idNumber)
    {
        Key = key ?? "";
        Username = username;
        IdNumber = idNumber;
    }

    /// <summary>The value of the match field (idnumber, username or email); "" when the user has none.</summary>
    public string Key { get; }

    /// <summary>The user's username as last read (to tell a protected account); null when not known.</summary>
    public string? Username { get; }

    /// <summary>The user's idnumber as last read (how rows name managers and appraisers); null when not known.</summary>
    public string? IdNumber { get; }
}

/// <summary>
/// What a delta run needs from the runs before it: when the site was last read, when the last full
/// run was, the fingerprint of each source row last applied, and the key fields of every site user
/// seen. Totara's API cannot read a user's timemodified back (core_user has no such field), so the
/// state keeps the time each read began and asks for users modified since then.
/// </summary>
public sealed class DeltaState
{
    /// <summary>The API client the state was written with (null for a pre-issued token).</summary>
    public string? Client { get; set; }

    /// <summary>A hash of the options and source columns that shape a plan: another value means another plan.</summary>
    public string Rules { get; set; } = "";

    /// <summary>When the last full run began reading the site (this machine's clock).</summary>
    public DateTimeOffset LastFullRun { get; set; }

    /// <summary>When the last run (full or delta) began reading the site.</summary>
    public DateTimeOffset SiteReadAt { get; set; }

    /// <summary>
    /// Each source row by its match key (lower case): the fingerprint last applied in full, or null
    /// when the row was refused or a change of it did not apply (it is planned again every run).
    /// </summary>
    public Dictionary<string, string?> Rows { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every live site user seen, by id.</summary>
    public Dictionary<long, KnownUser> Users { get; } = new();

    /// <summary>Users with a change that did not apply (failed, skipped, or its answer lost): read again next run.</summary>
    public HashSet<long> Recheck { get; } = new();
}

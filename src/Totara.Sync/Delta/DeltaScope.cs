using System.Collections.Generic;

namespace Totara.Sync;

/// <summary>
/// What a delta run plans: the rows that changed or whose user changed on the site, against the
/// users it read in full. Every other user is known only by their keys (from the state), enough for
/// the checks that look across the site (a key two users share, a username taken), never compared.
/// </summary>
internal sealed class DeltaScope
{
    /// <summary>Rows to plan; the rest are unchanged since they were last applied.</summary>
    public HashSet<SourceUser> Rows { get; } = new();

    /// <summary>Users read in full this run: only they are compared, suspended as missing, or have memberships removed.</summary>
    public HashSet<long> Read { get; } = new();

    /// <summary>
    /// Match keys of the rows not planned. A user with one of them is in the source, whatever else
    /// the run read about them: never suspended as missing, never stripped of recorded memberships.
    /// </summary>
    public HashSet<string> UnplannedKeys { get; } = new(System.StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the planner may judge this user: read in full, and not the user of a row it skips.</summary>
    public bool Judges(SiteUser user, int matchField) => Read.Contains(user.Id) && !UnplannedKeys.Contains(user.Get(matchField));

    /// <summary>Users the state knew that the site no longer has (looked up, not found).</summary>
    public HashSet<long> Deleted { get; } = new();
}

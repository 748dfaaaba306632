using System;
using System.Collections.Generic;

namespace Totara.Sync;

/// <summary>What one run read of the site, for planning and then for the state it leaves behind.</summary>
internal sealed class DeltaRead
{
    public DeltaRead(DateTimeOffset startedAt, Dictionary<long, KnownUser> known, Dictionary<SourceUser, string> fingerprints)
    {
        StartedAt = startedAt;
        Known = known;
        Fingerprints = fingerprints;
    }

    /// <summary>When reading began: the next delta run asks for users modified since then (less a margin).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Every live site user as now known, by id.</summary>
    public Dictionary<long, KnownUser> Known { get; }

    /// <summary>Each valid row's fingerprint.</summary>
    public Dictionary<SourceUser, string> Fingerprints { get; }

    /// <summary>What the planner gets: users read in full, and the others by their keys only (delta runs).</summary>
    public List<SiteUser> SiteUsers { get; set; } = new();

    public SiteJobs? Jobs { get; set; }

    /// <summary>Null for a full run.</summary>
    public DeltaScope? Scope { get; set; }

    /// <summary>Source rows that changed since last applied (delta runs).</summary>
    public int ChangedRows { get; set; }

    /// <summary>Users modified on the site since the last read (delta runs).</summary>
    public int ModifiedUsers { get; set; }

    public static KnownUser Know(SiteUser user, SyncOptions options) =>
        new(user.Get(options.MatchField), user.Username, user.Get(SyncFields.IdNumber));
}

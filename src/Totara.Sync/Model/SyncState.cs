using System;
using System.Collections.Generic;

namespace Totara.Sync;

/// <summary>One user's membership of one audience, by ids.</summary>
public readonly struct Membership : IEquatable<Membership>
{
    public Membership(long cohortId, long userId)
    {
        CohortId = cohortId;
        UserId = userId;
    }

    public long CohortId { get; }

    public long UserId { get; }

    public bool Equals(Membership other) => CohortId == other.CohortId && UserId == other.UserId;

    public override bool Equals(object? obj) => obj is Membership other && Equals(other);

    public static bool operator ==(Membership left, Membership right) => left.Equals(right);

    public static bool operator !=(Membership left, Membership right) => !left.Equals(right);

    public override int GetHashCode() => unchecked((CohortId.GetHashCode() * 397) ^ UserId.GetHashCode());

    public override string ToString() => $"user {UserId} in audience {CohortId}";
}

/// <summary>
/// The memberships a sync has added (and not removed since). The API cannot list an audience's
/// members, so this is how CohortMode Exact knows what it may take away: memberships made by
/// hand are never in it. It may over-claim (a membership recorded before its add was sent),
/// never under-claim: anything in it is tested on the site before it is removed.
/// </summary>
public sealed class SyncState
{
    private readonly HashSet<Membership> _added;

    public SyncState(Uri site, IEnumerable<Membership>? added = null)
    {
        Site = site ?? throw new ArgumentNullException(nameof(site));
        _added = new HashSet<Membership>(added ?? Array.Empty<Membership>());
    }

    /// <summary>The site the memberships belong to.</summary>
    public Uri Site { get; }

    public IReadOnlyCollection<Membership> Added => _added;

    /// <summary>What a delta run needs (null: the file has none yet, so the next run is a full one).</summary>
    public DeltaState? Delta { get; set; }

    /// <summary>The format the file was read in (null: there was no file).</summary>
    public int? FormatRead { get; set; }

    public bool Contains(Membership membership) => _added.Contains(membership);

    public bool Add(Membership membership) => _added.Add(membership);

    public bool Remove(Membership membership) => _added.Remove(membership);

    /// <summary>Forgets every membership of these users (they were deleted, and their memberships with them).</summary>
    public int RemoveUsers(ICollection<long> userIds) => userIds.Count == 0 ? 0 : _added.RemoveWhere(m => userIds.Contains(m.UserId));
}

using System;
using System.Collections.Generic;

namespace Totara.Sync;

/// <summary>One user's membership of one audience, by ids.</summary>
public readonly struct Membership : IEquatable<Membership>
{
    /// <summary>Names the membership of user <paramref name="userId"/> in audience <paramref name="cohortId"/>.</summary>
    /// <param name="cohortId">The audience's id.</param>
    /// <param name="userId">The user's id.</param>
    public Membership(long cohortId, long userId)
    {
        CohortId = cohortId;
        UserId = userId;
    }

    /// <summary>The audience's id on the site.</summary>
    public long CohortId { get; }

    /// <summary>The user's id on the site.</summary>
    public long UserId { get; }

    /// <inheritdoc/>
    public bool Equals(Membership other) => CohortId == other.CohortId && UserId == other.UserId;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Membership other && Equals(other);

    /// <summary>True when both name the same audience and user.</summary>
    /// <param name="left">One membership.</param>
    /// <param name="right">The other membership.</param>
    public static bool operator ==(Membership left, Membership right) => left.Equals(right);

    /// <summary>True when the audience or the user differs.</summary>
    /// <param name="left">One membership.</param>
    /// <param name="right">The other membership.</param>
    public static bool operator !=(Membership left, Membership right) => !left.Equals(right);

    /// <inheritdoc/>
    public override int GetHashCode() => unchecked((CohortId.GetHashCode() * 397) ^ UserId.GetHashCode());

    /// <inheritdoc/>
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

    /// <summary>A state for one site, with the memberships added so far.</summary>
    /// <param name="site">The site the memberships belong to.</param>
    /// <param name="added">The memberships the sync has added; null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="site"/> is null.</exception>
    public SyncState(Uri site, IEnumerable<Membership>? added = null)
    {
        Site = site ?? throw new ArgumentNullException(nameof(site));
        _added = new HashSet<Membership>(added ?? Array.Empty<Membership>());
    }

    /// <summary>The site the memberships belong to.</summary>
    public Uri Site { get; }

    /// <summary>The memberships the sync has added and not removed since: the only ones <see cref="CohortMode.Exact"/> may remove.</summary>
    public IReadOnlyCollection<Membership> Added => _added;

    /// <summary>What a delta run needs (null: the file has none yet, so the next run is a full one).</summary>
    public DeltaState? Delta { get; set; }

    /// <summary>The format the file was read in (null: there was no file).</summary>
    public int? FormatRead { get; set; }

    /// <summary>True when the sync has recorded adding this membership.</summary>
    /// <param name="membership">The membership.</param>
    public bool Contains(Membership membership) => _added.Contains(membership);

    /// <summary>Records a membership the sync adds; false when it was recorded already.</summary>
    /// <param name="membership">The membership.</param>
    public bool Add(Membership membership) => _added.Add(membership);

    /// <summary>Forgets a membership (the sync removed it, or it is gone); false when it was not recorded.</summary>
    /// <param name="membership">The membership.</param>
    public bool Remove(Membership membership) => _added.Remove(membership);

    /// <summary>Forgets every membership of these users (they were deleted, and their memberships with them).</summary>
    public int RemoveUsers(ICollection<long> userIds) => userIds.Count == 0 ? 0 : _added.RemoveWhere(m => userIds.Contains(m.UserId));
}

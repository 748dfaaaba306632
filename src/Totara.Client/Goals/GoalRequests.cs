using System;
using System.Collections.Generic;
using Totara.Client.Users;

namespace Totara.Client.Goals;

/// <summary>One goal to create: its values, the references that may name its user (tried in turn), and the caller's tag.</summary>
public sealed class GoalCreateRequest
{
    public GoalCreateRequest(GoalChange goal, IReadOnlyList<UserReference> userCandidates, object? tag = null, IReadOnlyList<UserReference>? ownerCandidates = null)
    {
        OwnerCandidates = ownerCandidates is { Count: > 0 } ? ownerCandidates : null;
        Goal = goal ?? throw new ArgumentNullException(nameof(goal));
        if (userCandidates is null || userCandidates.Count == 0) throw new ArgumentException("A goal needs at least one reference to its user.", nameof(userCandidates));
        UserCandidates = userCandidates;
        Tag = tag;
    }

    public GoalChange Goal { get; }

    public IReadOnlyList<UserReference> UserCandidates { get; }

    /// <summary>The references that may name the goal's owner (null: the API user, Totara's default).</summary>
    public IReadOnlyList<UserReference>? OwnerCandidates { get; }

    public object? Tag { get; }
}

/// <summary>One progress update: the goal, and the status and value (null: keep the goal's own).</summary>
public sealed class GoalProgressRequest
{
    public GoalProgressRequest(GoalReference goal, string? status, double? currentValue, object? tag = null)
    {
        Goal = goal ?? throw new ArgumentNullException(nameof(goal));
        if (status is null && currentValue is null) throw new ArgumentException("A progress update needs a status, a current value or both.");
        Status = status;
        CurrentValue = currentValue;
        Tag = tag;
    }

    public GoalReference Goal { get; }

    public string? Status { get; }

    public double? CurrentValue { get; }

    public object? Tag { get; }
}

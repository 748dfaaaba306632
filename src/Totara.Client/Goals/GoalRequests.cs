using System;
using System.Collections.Generic;
using Totara.Client.Users;

namespace Totara.Client.Goals;

/// <summary>One goal to create: its values, the references that may name its user (tried in turn), and the caller's tag.</summary>
public sealed class GoalCreateRequest
{
    /// <summary>A goal to create for the user the first matching reference names.</summary>
    /// <param name="goal">The goal's values.</param>
    /// <param name="userCandidates">References that may name the goal's user, tried in turn (a string may be a username or an idnumber).</param>
    /// <param name="tag">The caller's input record, handed back on the result.</param>
    /// <param name="ownerCandidates">References that may name the goal's owner, tried in turn; null or empty for the API user.</param>
    /// <exception cref="ArgumentNullException"><paramref name="goal"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="userCandidates"/> is null or empty.</exception>
    public GoalCreateRequest(GoalChange goal, IReadOnlyList<UserReference> userCandidates, object? tag = null, IReadOnlyList<UserReference>? ownerCandidates = null)
    {
        OwnerCandidates = ownerCandidates is { Count: > 0 } ? ownerCandidates : null;
        Goal = goal ?? throw new ArgumentNullException(nameof(goal));
        if (userCandidates is null || userCandidates.Count == 0) throw new ArgumentException("A goal needs at least one reference to its user.", nameof(userCandidates));
        UserCandidates = userCandidates;
        Tag = tag;
    }

    /// <summary>The goal's values. <see cref="GoalBatches.CreateAsync"/> sets its <see cref="GoalChange.User"/> and <see cref="GoalChange.Owner"/> to the users it found.</summary>
    public GoalChange Goal { get; }

    /// <summary>The references that may name the goal's user, tried in turn; never empty.</summary>
    public IReadOnlyList<UserReference> UserCandidates { get; }

    /// <summary>The references that may name the goal's owner (null: the API user, Totara's default).</summary>
    public IReadOnlyList<UserReference>? OwnerCandidates { get; }

    /// <summary>The caller's input record, handed back on the result.</summary>
    public object? Tag { get; }
}

/// <summary>One progress update: the goal, and the status and value (null: keep the goal's own).</summary>
public sealed class GoalProgressRequest
{
    /// <summary>A progress update of one goal.</summary>
    /// <param name="goal">The goal to update.</param>
    /// <param name="status">The new status (one of <see cref="GoalChange.Statuses"/>); null keeps the goal's own.</param>
    /// <param name="currentValue">The new current value; null keeps the goal's own.</param>
    /// <param name="tag">The caller's input record, handed back on the result.</param>
    /// <exception cref="ArgumentNullException"><paramref name="goal"/> is null.</exception>
    /// <exception cref="ArgumentException">Both <paramref name="status"/> and <paramref name="currentValue"/> are null.</exception>
    public GoalProgressRequest(GoalReference goal, string? status, double? currentValue, object? tag = null)
    {
        Goal = goal ?? throw new ArgumentNullException(nameof(goal));
        if (status is null && currentValue is null) throw new ArgumentException("A progress update needs a status, a current value or both.");
        Status = status;
        CurrentValue = currentValue;
        Tag = tag;
    }

    /// <summary>The goal to update.</summary>
    public GoalReference Goal { get; }

    /// <summary>The new status; null keeps the goal's own (read from the site before sending).</summary>
    public string? Status { get; }

    /// <summary>The new current value; null keeps the goal's own (read from the site before sending).</summary>
    public double? CurrentValue { get; }

    /// <summary>The caller's input record, handed back on the result.</summary>
    public object? Tag { get; }
}

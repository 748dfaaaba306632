using System;
using System.Collections.Generic;
using System.Linq;
using Totara.Client.Users;

namespace Totara.Client.Cohorts;

/// <summary>What is done with a user's membership of an audience.</summary>
public enum CohortMembershipAction
{
    Add,
    Remove,
    Test,
}

/// <summary>What a membership operation found or did.</summary>
public enum CohortMembershipOutcome
{
    /// <summary>The user was added by this request.</summary>
    Added,

    /// <summary>The user was a member already; nothing changed.</summary>
    AlreadyMember,

    /// <summary>The user was removed by this request.</summary>
    Removed,

    /// <summary>The user was not a member; nothing changed.</summary>
    WasNotMember,

    /// <summary>A test: the user is a member.</summary>
    IsMember,

    /// <summary>A test: the user is not a member.</summary>
    IsNotMember,
}

/// <summary>
/// One user to add, remove or test: the references that may name them, tried in order (a
/// string may be a username or an idnumber), and the caller's tag (its input record).
/// </summary>
public sealed class CohortMembershipRequest
{
    public CohortMembershipRequest(IReadOnlyList<UserReference> candidates, object? tag = null)
    {
        if (candidates is null || candidates.Count == 0) throw new ArgumentException("A membership request needs at least one user reference.", nameof(candidates));
        Candidates = candidates;
        Tag = tag;
    }

    public CohortMembershipRequest(UserReference user, object? tag = null) : this(new[] { user }, tag) { }

    public IReadOnlyList<UserReference> Candidates { get; }

    public object? Tag { get; }

    /// <summary>Every reference, for messages: "username 'x' or idnumber 'x'".</summary>
    public string Describe() => string.Join(" or ", Candidates.Select(c => c.ToString()));
}

/// <summary>The result of one membership request.</summary>
public sealed class CohortMembershipResult
{
    internal CohortMembershipResult(CohortMembershipRequest request, UserReference tried, CohortMembershipOutcome? outcome,
        long? userId, string? username, TotaraGraphQLError? error, bool userNotFound)
    {
        Request = request;
        Tried = tried;
        Outcome = outcome;
        UserId = userId;
        Username = username;
        Error = error;
        UserNotFound = userNotFound;
    }

    public CohortMembershipRequest Request { get; }

    /// <summary>The reference that matched (or, on failure, the last one tried).</summary>
    public UserReference Tried { get; }

    public CohortMembershipOutcome? Outcome { get; }

    /// <summary>The user's id and username, when the site returned the user (adds and removes).</summary>
    public long? UserId { get; }

    public string? Username { get; }

    public TotaraGraphQLError? Error { get; }

    /// <summary>True when no reference of the request matched a user.</summary>
    public bool UserNotFound { get; }

    public bool Succeeded => Error is null;

    /// <summary>For a test: whether the user is a member.</summary>
    public bool IsMember => Outcome is CohortMembershipOutcome.IsMember or CohortMembershipOutcome.AlreadyMember or CohortMembershipOutcome.Added;

    public override string ToString() => Succeeded ? $"{Tried}: {Outcome}" : $"{Tried}: {Error!.Message}";
}

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

/// <summary>The result of one membership request.</summary>
public sealed class CohortMembershipResult
{
    internal CohortMembershipResult(UserRequest request, UserReference tried, CohortMembershipOutcome? outcome,
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

    public UserRequest Request { get; }

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

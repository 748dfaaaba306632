using Totara.Client.Users;

namespace Totara.Client.Cohorts;

/// <summary>What is done with a user's membership of an audience.</summary>
public enum CohortMembershipAction
{
    /// <summary>Make the user a member (<c>core_cohort_add_cohort_member</c>); a member already is left as is.</summary>
    Add,
    /// <summary>Take the user out of the audience (<c>core_cohort_remove_cohort_member</c>); a non-member is left as is.</summary>
    Remove,
    /// <summary>Only ask whether the user is a member (<c>core_cohort_is_user_member</c>); nothing changes.</summary>
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
public sealed class CohortMembershipResult : UserRequestResult
{
    internal CohortMembershipResult(UserRequest request, UserReference tried, CohortMembershipOutcome? outcome,
        long? userId, string? username, TotaraGraphQLError? error, bool userNotFound)
        : base(request, tried, error, userNotFound)
    {
        Outcome = outcome;
        UserId = userId;
        Username = username;
    }

    /// <summary>What was found or done; null when the request failed (see <see cref="UserRequestResult.Error"/>).</summary>
    public CohortMembershipOutcome? Outcome { get; }

    /// <summary>The user's id and username, when the site returned the user (adds and removes).</summary>
    public long? UserId { get; }

    /// <summary>The user's username, when the site returned the user (adds and removes); null for a test or a membership that needed no change.</summary>
    public string? Username { get; }

    /// <summary>For a test: whether the user is a member.</summary>
    public bool IsMember => Outcome is CohortMembershipOutcome.IsMember or CohortMembershipOutcome.AlreadyMember or CohortMembershipOutcome.Added;

    private protected override string AnswerText => Outcome.ToString() ?? "";
}

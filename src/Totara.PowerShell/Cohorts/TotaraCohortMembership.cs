using System;

namespace Totara.PowerShell.Cohorts;

/// <summary>What Add-, Remove- or Test-TotaraCohortMember found or did for one user.</summary>
public enum TotaraCohortMemberResult
{
    Added,
    AlreadyMember,
    Removed,
    WasNotMember,
    Member,
    NotMember,
}

/// <summary>One user's membership result: which audience, which user, and what happened.</summary>
public sealed class TotaraCohortMembership
{
    internal TotaraCohortMembership(string cohort, long? cohortId, string user, long? userId, string? username, TotaraCohortMemberResult result, Uri site)
    {
        Cohort = cohort;
        CohortId = cohortId;
        User = user;
        UserId = userId;
        Username = username;
        Result = result;
        Site = site;
    }

    /// <summary>The audience, by name (and idnumber) when known, else as given.</summary>
    public string Cohort { get; }

    public long? CohortId { get; }

    /// <summary>The user as given on input (username, idnumber, email or id).</summary>
    public string User { get; }

    /// <summary>The user's id and username, when the site returned them (adds and removes).</summary>
    public long? UserId { get; }

    public string? Username { get; }

    public TotaraCohortMemberResult Result { get; }

    /// <summary>Whether the user is a member now (after an add or remove) or was found to be one (a test).</summary>
    public bool IsMember => Result is TotaraCohortMemberResult.Added or TotaraCohortMemberResult.AlreadyMember or TotaraCohortMemberResult.Member;

    /// <summary>Whether this command changed the membership.</summary>
    public bool Changed => Result is TotaraCohortMemberResult.Added or TotaraCohortMemberResult.Removed;

    public Uri Site { get; }

    public override string ToString() => $"{User}: {Result}";
}

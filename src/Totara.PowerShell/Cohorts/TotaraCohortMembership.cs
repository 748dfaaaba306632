using System;

namespace Totara.PowerShell.Cohorts;

/// <summary>What Add-, Remove- or Test-TotaraCohortMember found or did for one user.</summary>
public enum TotaraCohortMemberResult
{
    /// <summary>Add-TotaraCohortMember made the user a member.</summary>
    Added,
    /// <summary>Add-TotaraCohortMember found the user a member already; nothing changed.</summary>
    AlreadyMember,
    /// <summary>Remove-TotaraCohortMember took the user out of the audience.</summary>
    Removed,
    /// <summary>Remove-TotaraCohortMember found the user not a member; nothing changed.</summary>
    WasNotMember,
    /// <summary>Test-TotaraCohortMember: the user is a member.</summary>
    Member,
    /// <summary>Test-TotaraCohortMember: the user is not a member.</summary>
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

    /// <summary>The audience's id; null when the audience is not in the site's list of static audiences and was not named by a number (Test-TotaraCohortMember may still ask about such an audience).</summary>
    public long? CohortId { get; }

    /// <summary>The user as given on input (username, idnumber, email or id).</summary>
    public string User { get; }

    /// <summary>The user's id and username, when the site returned them (adds and removes).</summary>
    public long? UserId { get; }

    /// <summary>The user's username, when the site returned the user (adds and removes); null for a test and for a membership that needed no change.</summary>
    public string? Username { get; }

    /// <summary>What the command found or did for this user; <see cref="IsMember"/> and <see cref="Changed"/> read it.</summary>
    public TotaraCohortMemberResult Result { get; }

    /// <summary>Whether the user is a member now (after an add or remove) or was found to be one (a test).</summary>
    public bool IsMember => Result is TotaraCohortMemberResult.Added or TotaraCohortMemberResult.AlreadyMember or TotaraCohortMemberResult.Member;

    /// <summary>Whether this command changed the membership.</summary>
    public bool Changed => Result is TotaraCohortMemberResult.Added or TotaraCohortMemberResult.Removed;

    /// <summary>The site the audience is on (the session's URL).</summary>
    public Uri Site { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{User}: {Result}";
}

using System;
using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client.Cohorts;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;
using Totara.PowerShell.Users;

namespace Totara.PowerShell.Cohorts;

/// <summary>One user to add to, remove from or test against an audience, and the site's answer.</summary>
public sealed class CohortMemberRecord : BatchRecord
{
    internal CohortMemberRecord(int number, object? input, UserIdentity identity) : base(number, input, identity.Text) => Identity = identity;

    /// <summary>The user, as given.</summary>
    public UserIdentity Identity { get; }

    /// <summary>The site's answer, once the record's batch was sent.</summary>
    internal CohortMembershipResult? Result { get; set; }

    internal override bool Succeeded => Result?.Succeeded == true;
}

/// <summary>
/// Base of Add-, Remove- and Test-TotaraCohortMember: users from the pipeline (or -User), one
/// audience (-Cohort, resolved once, on the first batch so -WhatIf sends nothing), batched
/// requests (<see cref="CohortMemberSender"/>).
/// </summary>
public abstract class CohortMemberCmdlet : BatchingCmdlet<CohortMemberRecord>
{
    private CohortMemberSender? _sender;

    /// <summary>The audience: its id, idnumber or name, or a TotaraCohort from Get-TotaraCohort.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [Alias("Audience")]
    [CohortIdentityTransformation]
    [ValidateNotNull]
    public CohortIdentity Cohort { get; set; } = null!;

    /// <summary>The users: usernames, idnumbers, emails, ids, TotaraUser objects or records with Username/IdNumber/Email/Id.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [Alias("Identity", "Member")]
    [UserIdentityTransformation]
    [ValidateNotNullOrEmpty]
    public UserIdentity[] User { get; set; } = Array.Empty<UserIdentity>();

    private protected abstract CohortMembershipAction MembershipAction { get; }

    /// <summary>Whether an audience missing from the static list is still sent (tests may ask about dynamic audiences).</summary>
    private protected virtual bool AllowUnlistedCohort => false;

    /// <summary>Writes a successful result.</summary>
    private protected abstract void WriteMembership(TotaraCohortMembership membership);

    private protected override RecordSender<CohortMemberRecord> Sender => Members;

    private CohortMemberSender Members => _sender ??= new CohortMemberSender(MembershipAction, (_, membership) => WriteMembership(membership));

    /// <inheritdoc />
    protected override IEnumerable<CohortMemberRecord> ReadRecords(TotaraSession session)
    {
        // Resolved before the first record is queued (not under -WhatIf, which sends nothing).
        if (Members.Cohort is null && !IsWhatIf) ResolveCohort(session);
        foreach (var identity in User)
            yield return new CohortMemberRecord(NextRecordNumber(), identity.SourceRecord, identity);
    }

    /// <summary>Finds the audience once; one that cannot be found stops the command, as no user could be processed.</summary>
    private void ResolveCohort(TotaraSession session)
    {
        if (Cohort.KnownOn(session.Url) is { } known)
        {
            (Members.Cohort, Members.CohortLabel, Members.CohortId) = (CohortReference.ById(known.Id), known.ToString(), known.Id);
            return;
        }
        try
        {
            var cohorts = session.Client.Cohorts;
            var (reference, data) = Run(session.Client, ct => cohorts.ResolveAsync(Cohort.Text, AllowUnlistedCohort, ct));
            (Members.Cohort, Members.CohortLabel, Members.CohortId) = (reference, data?.ToString() ?? Cohort.Text, data?.Id ?? reference.Id);
        }
        catch (CohortNotFoundException ex)
        {
            ThrowTerminatingError(TotaraErrors.Create(ex, ErrorIds.CohortNotFound,
                ex.Ambiguous ? ErrorCategory.InvalidArgument : ErrorCategory.ObjectNotFound, Cohort.Text));
        }
        catch (Exception ex) when (IsRequestFailure(ex))
        {
            ThrowRequestError(ex, Cohort.Text);
        }
    }
}

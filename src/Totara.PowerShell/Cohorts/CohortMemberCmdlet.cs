using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Cohorts;
using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;
using Totara.PowerShell.Users;

namespace Totara.PowerShell.Cohorts;

/// <summary>One user to add to, remove from or test against an audience.</summary>
public sealed class CohortMemberRecord : BatchRecord
{
    internal CohortMemberRecord(int number, object? input, UserIdentity identity) : base(number, input, identity.Text) => Identity = identity;

    public UserIdentity Identity { get; }
}

/// <summary>
/// One user's membership outcome, as the batching base sees it. A module type on purpose:
/// PowerShell reads cmdlet base classes before the module can resolve Totara.Client.
/// </summary>
public sealed class CohortMemberOutcome
{
    internal CohortMemberOutcome(CohortMembershipResult result) => Result = result;

    internal CohortMembershipResult Result { get; }
}

/// <summary>
/// Base of Add-, Remove- and Test-TotaraCohortMember: users from the pipeline (or -User), one
/// audience (-Cohort, resolved once, on the first batch so -WhatIf sends nothing), batched
/// requests, one result per user and a per-user error naming the input.
/// </summary>
public abstract class CohortMemberCmdlet : BatchingCmdlet<CohortMemberRecord, CohortMemberOutcome>
{
    private CohortReference? _reference;
    private string? _cohortLabel;
    private long? _cohortId;

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

    /// <inheritdoc />
    protected override int BatchSize(TotaraSession session) => session.Client.Cohorts.OperationsPerRequest(MembershipAction);

    /// <inheritdoc />
    protected override IEnumerable<CohortMemberRecord> ReadRecords(TotaraSession session)
    {
        // Resolved before the first record is queued (not under -WhatIf, which sends nothing).
        if (_reference is null && !IsWhatIf) ResolveCohort(session);
        foreach (var identity in User)
            yield return new CohortMemberRecord(NextRecordNumber(), identity.SourceRecord, identity);
    }

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, string>> UniqueKeys(CohortMemberRecord record)
        => ActiveSession is { } session ? record.Identity.KeyFor(session.Url) : Enumerable.Empty<KeyValuePair<string, string>>();

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<CohortMemberOutcome>> SendAsync(TotaraSession session, IReadOnlyList<CohortMemberRecord> batch, CancellationToken ct)
    {
        var cohorts = session.Client.Cohorts;
        var requests = batch.Select(r => new UserRequest(r.Identity.CandidatesFor(session.Url), r)).ToList();
        var results = await cohorts.RunMembershipAsync(_reference!, MembershipAction, requests, ct).ConfigureAwait(false);
        return results.Select(r => new CohortMemberOutcome(r)).ToList();
    }

    /// <inheritdoc />
    protected override bool Succeeded(CohortMemberOutcome outcome) => outcome.Result.Succeeded;

    /// <inheritdoc />
    protected override bool WriteResult(CohortMemberRecord record, CohortMemberOutcome outcome)
    {
        var result = outcome.Result;
        var session = ActiveSession!;
        if (result.Succeeded)
        {
            WriteMembership(new TotaraCohortMembership(_cohortLabel!, _cohortId, record.Label, result.UserId, result.Username,
                Map(result.Outcome!.Value), session.Url));
            return true;
        }

        var error = result.Error!;
        if (result.UserNotFound)
        {
            WriteError(TotaraErrors.UserNotFound(record, $"no user matches {result.Request.Describe()} on {session.Url}.", null, error.Category));
            return false;
        }
        WriteError(TotaraErrors.RecordFailure(record, error, null));
        return false;
    }

    /// <summary>Finds the audience once; one that cannot be found stops the command, as no user could be processed.</summary>
    private void ResolveCohort(TotaraSession session)
    {
        if (Cohort.KnownOn(session.Url) is { } known)
        {
            _reference = CohortReference.ById(known.Id);
            (_cohortLabel, _cohortId) = (known.ToString(), known.Id);
            return;
        }
        try
        {
            var cohorts = session.Client.Cohorts;
            var (reference, data) = Run(session.Client, ct => cohorts.ResolveAsync(Cohort.Text, AllowUnlistedCohort, ct));
            _reference = reference;
            (_cohortLabel, _cohortId) = (data?.ToString() ?? Cohort.Text, data?.Id ?? reference.Id);
        }
        catch (CohortNotFoundException ex)
        {
            ThrowTerminatingError(TotaraErrors.Create(ex, CohortErrorIds.CohortNotFound,
                ex.Ambiguous ? ErrorCategory.InvalidArgument : ErrorCategory.ObjectNotFound, Cohort.Text));
        }
        catch (Exception ex) when (IsRequestFailure(ex))
        {
            ThrowRequestError(ex, Cohort.Text);
        }
    }

    private static TotaraCohortMemberResult Map(CohortMembershipOutcome outcome) => outcome switch
    {
        CohortMembershipOutcome.Added => TotaraCohortMemberResult.Added,
        CohortMembershipOutcome.AlreadyMember => TotaraCohortMemberResult.AlreadyMember,
        CohortMembershipOutcome.Removed => TotaraCohortMemberResult.Removed,
        CohortMembershipOutcome.WasNotMember => TotaraCohortMemberResult.WasNotMember,
        CohortMembershipOutcome.IsMember => TotaraCohortMemberResult.Member,
        _ => TotaraCohortMemberResult.NotMember,
    };
}

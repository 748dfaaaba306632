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

namespace Totara.PowerShell.Cohorts;

/// <summary>
/// How Add-, Remove- and Test-TotaraCohortMember send their users to one audience, in batched
/// requests, and write one result per user or a per-user error naming the input.
/// </summary>
internal sealed class CohortMemberSender : RecordSender<CohortMemberRecord>
{
    private readonly CohortMembershipAction _action;
    private readonly Action<Cmdlet, TotaraCohortMembership> _writeMembership;

    public CohortMemberSender(CohortMembershipAction action, Action<Cmdlet, TotaraCohortMembership> writeMembership)
    {
        _action = action;
        _writeMembership = writeMembership;
    }

    /// <summary>The audience, resolved before the first batch is sent.</summary>
    public CohortReference? Cohort { get; set; }

    /// <summary>How results name the audience.</summary>
    public string CohortLabel { get; set; } = "";

    public long? CohortId { get; set; }

    /// <inheritdoc />
    public override int BatchSize(TotaraSession session) => session.Client.Cohorts.OperationsPerRequest(_action);

    /// <inheritdoc />
    public override IEnumerable<UniqueKey> UniqueKeys(TotaraSession session, CohortMemberRecord record) => record.Identity.KeyFor(session.Url);

    /// <inheritdoc />
    public override async Task SendAsync(TotaraSession session, IReadOnlyList<CohortMemberRecord> batch, CancellationToken ct)
    {
        var requests = batch.Select(r => new UserRequest(r.Identity.CandidatesFor(session.Url), r)).ToList();
        var results = await session.Client.Cohorts.RunMembershipAsync(Cohort!, _action, requests, ct).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++) batch[i].Result = results[i];
    }

    /// <inheritdoc />
    public override void Write(Cmdlet cmdlet, TotaraSession session, CohortMemberRecord record)
    {
        var result = record.Result!;
        if (result.Succeeded)
        {
            _writeMembership(cmdlet, new TotaraCohortMembership(CohortLabel, CohortId, record.Label, result.UserId, result.Username,
                Map(result.Outcome!.Value), session.Url));
            return;
        }

        var error = result.Error!;
        cmdlet.WriteError(result.UserNotFound
            ? TotaraErrors.UserNotFound(record, $"no user matches {result.Request.Describe()} on {session.Url}.", null, error.Category)
            : TotaraErrors.RecordFailure(record, error, null));
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

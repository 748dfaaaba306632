using System.Collections.Generic;
using System.Linq;
using Totara.Client.Transport;

namespace Totara.Client.Batching;

/// <summary>
/// What a batch of aliased mutations is charged. Totara runs root mutation fields one after
/// another and stops at the first non-null one that fails: the error nulls the whole
/// <c>data</c>, and the aliases after it never run and cost nothing. So such an answer books
/// the aliases up to and including the failed one, not the whole batch; otherwise a batch in
/// which every record fails (each resend failing at its first alias) would book n²/2 aliases
/// for n and stall on the budget.
/// </summary>
internal sealed class MutationBatchCharge : RequestCharge
{
    private readonly IReadOnlyList<PendingOperation> _batch;

    public MutationBatchCharge(IReadOnlyList<PendingOperation> batch)
        : base(isMutation: true, batch.Sum(p => p.Cost), batch.Count)
    {
        _batch = batch;
    }

    public override int? ChargedFor(RawAnswer answer)
    {
        if (answer.Data is null && FailedAlias.FirstIndex(_batch, answer.Errors) is var failed && failed >= 0)
        {
            // The failed alias keeps its whole estimate: it may have failed on a field of its
            // selection after those before were charged (erring on the budget's safe side).
            return _batch.Take(failed + 1).Sum(p => p.Cost);
        }
        return base.ChargedFor(answer);
    }
}

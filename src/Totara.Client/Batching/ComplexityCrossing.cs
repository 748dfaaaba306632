using System.Collections.Generic;
using Totara.Client.Transport;

namespace Totara.Client.Batching;

/// <summary>
/// Where a batch crossed the site's complexity limit. Totara counts while it executes, root
/// fields one after another: aliases before the crossing ran; the crossing alias ran only if
/// the limit was passed inside its selection (path longer than the alias), not at its root
/// field; aliases after it never ran.
/// </summary>
internal sealed class ComplexityCrossing
{
    private ComplexityCrossing(int index, TotaraGraphQLError error)
    {
        Index = index;
        Error = error;
    }

    /// <summary>Position in the batch of the alias at which the limit was passed.</summary>
    public int Index { get; }

    public TotaraGraphQLError Error { get; }

    private bool InsideSelection => Error.Path is { Count: > 1 };

    public bool WasApplied(int position) => position < Index || (position == Index && InsideSelection);

    /// <summary>The first complexity error naming an alias of the batch, or null.</summary>
    public static ComplexityCrossing? Find(IReadOnlyList<PendingOperation> batch, IReadOnlyList<TotaraGraphQLError> errors)
    {
        ComplexityCrossing? first = null;
        foreach (var error in errors)
        {
            if (!ErrorMapper.IsComplexity(error) || error.RootField is not { } alias) continue;
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch[i].Alias == alias && (first is null || i < first.Index))
                    first = new ComplexityCrossing(i, error);
            }
        }
        return first;
    }
}

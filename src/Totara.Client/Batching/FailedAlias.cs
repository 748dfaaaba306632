using System.Collections.Generic;
using System.Linq;

namespace Totara.Client.Batching;

/// <summary>
/// Finds the first alias of a batch that an error names as its root field. In a mutation batch
/// whose <c>data</c> is null, that is where Totara stopped: root fields run in order, the aliases
/// before it ran, and those after it never started.
/// </summary>
internal static class FailedAlias
{
    /// <summary>The position in <paramref name="batch"/> of the first alias with its own error, or -1.</summary>
    public static int FirstIndex(IReadOnlyList<PendingOperation> batch, IReadOnlyList<TotaraGraphQLError> errors)
    {
        for (var i = 0; i < batch.Count; i++)
            if (errors.Any(e => e.RootField == batch[i].Alias)) return i;
        return -1;
    }
}

using System.Collections.Generic;
using System.Threading.Tasks;

namespace Totara.PowerShell.Infrastructure;

/// <summary>-Skip and -First over a stream of pages: what is skipped is still read, but nothing after the window is fetched.</summary>
internal static class AsyncWindow
{
    /// <summary>Drops the first <paramref name="skip"/> items and stops after <paramref name="first"/>, so no page beyond is fetched.</summary>
    public static async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> items, ulong skip, ulong first)
    {
        ulong seen = 0, written = 0;
        await foreach (var item in items.ConfigureAwait(false))
        {
            if (seen++ < skip) continue;
            yield return item;
            if (++written >= first) yield break;
        }
    }
}

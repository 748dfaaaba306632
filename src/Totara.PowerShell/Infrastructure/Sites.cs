using System;

namespace Totara.PowerShell.Infrastructure;

/// <summary>
/// Whether two URLs are the same Totara site: an object read from one site (its ids) means
/// nothing on another, so identities and piped objects check this before using an id.
/// </summary>
internal static class Sites
{
    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are the same base URL (case and a trailing slash aside).</summary>
    public static bool Same(Uri a, Uri b) =>
        string.Equals(a.AbsoluteUri.TrimEnd('/'), b.AbsoluteUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}

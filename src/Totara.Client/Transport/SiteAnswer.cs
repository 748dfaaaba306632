using System.Linq;

namespace Totara.Client.Transport;

/// <summary>What an answer shows about how far the site got with a request.</summary>
internal static class SiteAnswer
{
    /// <summary>
    /// True when at least one root field was checked by the rate limit (Totara's middleware runs
    /// around root resolvers): data came back, or an error names a root field. An answer refused
    /// before execution (token, depth, empty request) shows neither.
    /// </summary>
    public static bool RanRootField(RawAnswer answer) =>
        answer.Data is { ValueKind: System.Text.Json.JsonValueKind.Object } || answer.Errors.Any(e => e.RootField is not null);
}

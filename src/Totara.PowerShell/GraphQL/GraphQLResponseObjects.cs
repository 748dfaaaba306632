using System.Linq;
using Totara.Client;

namespace Totara.PowerShell.GraphQL;

/// <summary>Helpers for reporting GraphQL errors to the pipeline.</summary>
internal static class GraphQLResponseObjects
{
    /// <summary>The response path of an error as text (e.g. <c>u1.items.0.email</c>), or null when it has none.</summary>
    public static string? PathText(TotaraGraphQLError error) =>
        error.Path is { Count: > 0 } path ? string.Join(".", path.Select(part => part?.ToString())) : null;

    /// <summary>
    /// The GraphQL answer inside a request failure that carried GraphQL errors but no data (a
    /// document the site refused, a request over the complexity limit); null for failures that
    /// are about access or transport (authentication, rate limit, server, connection).
    /// </summary>
    public static GraphQLResponseView? FromFailure(TotaraException exception) =>
        exception is TotaraAuthenticationException or TotaraRateLimitException or TotaraServerException or TotaraConnectionException
            || exception.Errors.Count == 0
            ? null
            : new GraphQLResponseView(null, exception.Errors, null);
}

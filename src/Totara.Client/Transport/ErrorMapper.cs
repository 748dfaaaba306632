using System;
using System.Linq;
using System.Net;

namespace Totara.Client.Transport;

/// <summary>
/// Turns a request-level failure into the typed exception a caller can act on, carrying
/// Totara's message, category, debug message and path. Per-field (alias) errors that come with
/// data are not request-level: they stay in the response.
/// </summary>
internal static class ErrorMapper
{
    public const string ComplexityCategory = "query_complexity";

    /// <summary>
    /// The exception for an answer that failed as a whole at the HTTP level (401, 429, 408,
    /// 5xx, or an error status without a GraphQL body); null when the body is GraphQL to read.
    /// </summary>
    public static TotaraException? TransportFailure(RawAnswer answer)
    {
        var status = (int)answer.Status;
        var first = answer.Errors.FirstOrDefault();
        TotaraException? exception = null;

        if (answer.Status == HttpStatusCode.Unauthorized)
            exception = new TotaraAuthenticationException(first?.Message ?? "Missing, expired or invalid access token.", first?.Category, first?.DebugMessage, answer.Status);
        else if (status == 429)
            exception = new TotaraRateLimitException(first?.Message ?? "Too many requests");
        else if (status == 408 || status >= 500)
            exception = new TotaraServerException(ServerMessage(answer, first), first?.Category, first?.DebugMessage, answer.Status);
        else if (answer.Data is null && first is null && (status >= 300 || answer.Document is null))
            exception = new TotaraException($"The site answered HTTP {status} without a GraphQL body.", statusCode: answer.Status);

        if (exception is not null)
            exception.Errors = answer.Errors;
        return exception;
    }

    /// <summary>The exception for a GraphQL answer without data (the request failed as a whole); null otherwise.</summary>
    public static TotaraException? RequestFailure(RawAnswer answer)
    {
        if (answer.Data is not null || answer.Errors.Count == 0)
            return null;
        var exception = FromGraphQLError(answer.Errors[0], answer.Status);
        exception.Errors = answer.Errors;
        return exception;
    }

    public static bool IsComplexity(TotaraGraphQLError error) =>
        string.Equals(error.Category, ComplexityCategory, StringComparison.Ordinal)
        || error.Message.StartsWith("Query complexity exceeded", StringComparison.Ordinal);

    public static TotaraException FromGraphQLError(TotaraGraphQLError error, HttpStatusCode status)
    {
        if (IsComplexity(error))
            return new TotaraComplexityException(error.Message, error.DebugMessage, error.Path, status);
        if (status == HttpStatusCode.BadRequest || string.Equals(error.Category, "graphql", StringComparison.Ordinal))
            return new TotaraValidationException(error.Message, error.Category, error.DebugMessage, error.Path, status);
        // The site's real text when it sent one: a resolver error's message is only "Internal server error".
        return new TotaraException(error.Text ?? "The site reported an error without details (its response_debug setting is none).",
            error.Category, error.DebugMessage, error.Path, status);
    }

    private static string ServerMessage(RawAnswer answer, TotaraGraphQLError? first)
    {
        var code = (int)answer.Status;
        return first is null ? $"The site answered HTTP {code}." : $"The site answered HTTP {code}: {first.Message}";
    }
}

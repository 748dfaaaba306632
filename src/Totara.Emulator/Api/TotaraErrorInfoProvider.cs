using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace Totara.Emulator.Api;

/// <summary>
/// Writes GraphQL errors in Totara's shape, at the site's response_debug level: the message,
/// and extensions holding the category, the debugMessage and (developer) the trace. GraphQL.NET's
/// own codes and exception details never reach the client.
/// </summary>
internal sealed partial class TotaraErrorInfoProvider : IErrorInfoProvider
{
    private readonly Func<ResponseDebug> _level;

    public TotaraErrorInfoProvider(Func<ResponseDebug> level) => _level = level;

    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var level = _level();
        if (executionError.InnerException is TotaraApiException totara)
        {
            return ClientSafeError.IsClientSafe(totara.Category)
                ? Info(totara.Message, totara.Category, null)
                : Hidden(totara.Message, totara, level);
        }

        if (IsRequestError(executionError))
        {
            var text = executionError is ValidationError ? WebonyxQuoting(executionError.Message) : executionError.Message;
            return Info(text, ErrorCategories.Graphql, null);
        }

        // Not a Totara error: an emulator fault. Its details stay out of the answer at every level.
        return Info(TotaraResponses.InternalServerError, ErrorCategories.Internal, null);
    }

    // webonyx/graphql-php FormattedError::createFromException: an exception that is not client
    // safe reads "Internal server error" (category internal); with DebugFlag::INCLUDE_DEBUG_MESSAGE
    // its real text goes to extensions.debugMessage, with INCLUDE_TRACE the trace follows.
    private static ErrorInfo Hidden(string text, Exception exception, ResponseDebug level)
    {
        var info = Info(TotaraResponses.InternalServerError, ErrorCategories.Internal, level == ResponseDebug.None ? null : text);
        if (level == ResponseDebug.Developer)
        {
            info.Extensions!["trace"] = ErrorTrace.Of(exception);
        }

        return info;
    }

    private static ErrorInfo Info(string message, string category, string? debugMessage)
    {
        var extensions = new Dictionary<string, object?>(3) { ["category"] = category };
        if (debugMessage is not null)
        {
            extensions["debugMessage"] = debugMessage;
        }

        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    /// <summary>
    /// GraphQL.NET quotes names in its validation messages with ' where webonyx/graphql-php
    /// (Totara's server) uses ": <c>Cannot query field "x" on type "Query".</c>
    /// </summary>
    internal static string WebonyxQuoting(string message) => QuotedName().Replace(message, "\"$1\"");

    [GeneratedRegex(@"'([_A-Za-z][_0-9A-Za-z]*)'")]
    private static partial Regex QuotedName();

    // Errors in the document or its variables, found before or while coercing input.
    private static bool IsRequestError(ExecutionError error) =>
        error is ValidationError or DocumentError or InvalidOperationError;
}

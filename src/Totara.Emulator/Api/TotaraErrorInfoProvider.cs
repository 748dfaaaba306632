using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace Totara.Emulator.Api;

/// <summary>
/// Writes GraphQL errors in Totara's shape: the message, and extensions holding only the
/// category (plus a debugMessage when the resolver gave one). GraphQL.NET's own codes and
/// exception details never reach the client.
/// </summary>
internal sealed partial class TotaraErrorInfoProvider : IErrorInfoProvider
{
    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var extensions = new Dictionary<string, object?>(2);
        if (executionError.InnerException is TotaraApiException totara)
        {
            extensions["category"] = totara.Category;
            if (totara.DebugMessage is not null)
            {
                extensions["debugMessage"] = totara.DebugMessage;
            }
        }
        else
        {
            extensions["category"] = IsRequestError(executionError) ? ErrorCategories.Graphql : ErrorCategories.Internal;
        }

        var message = executionError is ValidationError ? WebonyxQuoting(executionError.Message) : executionError.Message;
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

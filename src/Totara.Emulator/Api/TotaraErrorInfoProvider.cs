using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace Totara.Emulator.Api;

/// <summary>
/// Writes GraphQL errors in Totara's shape: the message, and extensions holding only the
/// category (plus a debugMessage when the resolver gave one). GraphQL.NET's own codes and
/// exception details never reach the client.
/// </summary>
internal sealed class TotaraErrorInfoProvider : IErrorInfoProvider
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

        return new ErrorInfo { Message = executionError.Message, Extensions = extensions };
    }

    // Errors in the document or its variables, found before or while coercing input.
    private static bool IsRequestError(ExecutionError error) =>
        error is ValidationError or DocumentError or InvalidOperationError;
}

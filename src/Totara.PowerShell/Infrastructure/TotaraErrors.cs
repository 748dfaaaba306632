using System;
using System.Management.Automation;
using System.Net.Http;
using Totara.Client;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Infrastructure;

/// <summary>
/// Builds the module's error records in one place: constant ids, real categories, and the
/// offending input as TargetObject. Client exceptions map to categories by what went wrong.
/// </summary>
internal static class TotaraErrors
{
    public static ErrorRecord Create(Exception exception, string errorId, ErrorCategory category, object? target, string? reason = null)
    {
        var record = new ErrorRecord(exception, errorId, category, target);
        if (!string.IsNullOrEmpty(reason)) record.CategoryInfo.Reason = reason;
        return record;
    }

    public static ErrorRecord Create(string message, string errorId, ErrorCategory category, object? target) =>
        Create(new InvalidOperationException(message), errorId, category, target);

    public static ErrorRecord NotConnected() =>
        Create(new InvalidOperationException("There is no Totara session in this runspace. Run Connect-Totara first, or pass -Session."),
            ErrorIds.NotConnected, ErrorCategory.ConnectionError, null);

    public static ErrorRecord SessionClosed(TotaraSession session) =>
        Create(new InvalidOperationException($"The Totara session to {session.Url} was closed by Disconnect-Totara. Run Connect-Totara again."),
            ErrorIds.SessionClosed, ErrorCategory.ConnectionError, session);

    /// <summary>Maps an exception from Totara.Client (or the HTTP stack below it) to an error record.</summary>
    public static ErrorRecord FromException(Exception exception, object? target)
    {
        exception = Unwrap(exception);
        var reason = (exception as TotaraException)?.Category;
        return exception switch
        {
            TotaraAuthenticationException => Create(exception, ErrorIds.AuthenticationFailed, ErrorCategory.AuthenticationError, target, reason),
            TotaraRateLimitException => Create(exception, ErrorIds.RateLimited, ErrorCategory.LimitsExceeded, target, reason),
            TotaraComplexityException => Create(exception, ErrorIds.ComplexityExceeded, ErrorCategory.LimitsExceeded, target, reason),
            TotaraValidationException => Create(exception, ErrorIds.ValidationFailed, ErrorCategory.InvalidArgument, target, reason),
            TotaraServerException => Create(exception, ErrorIds.ServerError, ErrorCategory.ConnectionError, target, reason),
            TotaraConnectionException => Create(exception, ErrorIds.ConnectionFailed, ErrorCategory.ConnectionError, target, reason),
            TotaraRedirectException redirect => RedirectRefused(redirect, target),
            TotaraProxyException => Create(exception, ErrorIds.ProxyAuthenticationFailed, ErrorCategory.AuthenticationError, target),
            HttpRequestException => Create(exception, ErrorIds.ConnectionFailed, ErrorCategory.ConnectionError, target),
            TimeoutException or OperationCanceledException => Create(exception, ErrorIds.RequestTimedOut, ErrorCategory.OperationTimeout, target),
            TotaraException => Create(exception, ErrorIds.RequestFailed, CategoryOf(reason), target, reason),
            _ => Create(exception, ErrorIds.RequestFailed, ErrorCategory.NotSpecified, target),
        };
    }

    /// <summary>A refused redirect; when it shows where the site is, the record's recommended action says how to connect there.</summary>
    private static ErrorRecord RedirectRefused(TotaraRedirectException exception, object? target)
    {
        var record = Create(exception, ErrorIds.RedirectRefused, ErrorCategory.ConnectionError, target);
        if (exception.SuggestedSiteUrl is { } url)
            record.ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = $"Connect-Totara -Url '{url}'" };
        return record;
    }

    /// <summary>An error record for one entry of a GraphQL response's errors array.</summary>
    public static ErrorRecord FromGraphQLError(TotaraGraphQLError error, object? target)
    {
        var exception = new TotaraGraphQLErrorException(error);
        return Create(exception, ErrorIds.GraphQLError, CategoryOf(error.Category), target, error.Category);
    }

    /// <summary>
    /// The error of one record the site refused, as every bulk cmdlet writes it: TotaraOutcomeUnknown
    /// (OperationTimeout) when its answer was lost, else TotaraRecordFailed with the site's category
    /// (or <paramref name="category"/>), naming the record, the field and the site's text.
    /// </summary>
    internal static ErrorRecord RecordFailure(BatchRecord record, TotaraGraphQLError error, string? field, ErrorCategory? category = null)
    {
        var exception = new TotaraRecordException(record, error.Explanation, field, error.Category);
        if (error.AnswerLost)
            return Create(exception, ErrorIds.OutcomeUnknown, ErrorCategory.OperationTimeout, record.Target, error.Category);
        var mapped = category ?? CategoryOf(error.Category);
        return Create(exception, ErrorIds.RecordFailed, mapped != ErrorCategory.NotSpecified ? mapped : ErrorCategory.InvalidOperation,
            record.Target, error.Category);
    }

    /// <summary>A record whose user reference matched nobody: TotaraUserNotFound (ObjectNotFound).</summary>
    internal static ErrorRecord UserNotFound(BatchRecord record, string problem, string? field, string? category) =>
        Create(new TotaraRecordException(record, problem, field, category), ErrorIds.UserNotFound, ErrorCategory.ObjectNotFound, record.Target);

    /// <summary>Maps Totara's error category text (extensions.category) to a PowerShell category.</summary>
    public static ErrorCategory CategoryOf(string? totaraCategory)
    {
        switch (totaraCategory?.ToLowerInvariant())
        {
            case null or "":
                return ErrorCategory.NotSpecified;
            case "query_complexity" or "rate_limit":
                return ErrorCategory.LimitsExceeded;
            case "graphql" or "invalid_parameter" or "invalid_argument" or "validation":
                return ErrorCategory.InvalidArgument;
            case "require_login" or "authentication" or "invalid_token":
                return ErrorCategory.AuthenticationError;
            case "required_capability" or "permission" or "access_denied":
                return ErrorCategory.PermissionDenied;
            case "not_found":
                return ErrorCategory.ObjectNotFound;
            case "internal":
                return ErrorCategory.ConnectionError;
            default:
                return ErrorCategory.InvalidOperation;
        }
    }

    private static Exception Unwrap(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
            exception = aggregate.InnerExceptions[0];
        return exception;
    }
}

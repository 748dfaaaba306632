namespace Totara.PowerShell.Infrastructure;

/// <summary>
/// The FullyQualifiedErrorId prefixes of the module's error records. Constant so scripts can
/// match on them (<c>$_.FullyQualifiedErrorId -like 'TotaraNotConnected,*'</c>) across releases.
/// </summary>
public static class ErrorIds
{
    /// <summary>No -Session was given and the runspace has no default session.</summary>
    public const string NotConnected = "TotaraNotConnected";

    /// <summary>The session was closed by Disconnect-Totara.</summary>
    public const string SessionClosed = "TotaraSessionClosed";

    /// <summary>The site URL is not an absolute http(s) URL.</summary>
    public const string InvalidUrl = "TotaraInvalidUrl";

    /// <summary>An http:// URL to another machine without -AllowUnencryptedAuthentication.</summary>
    public const string UnencryptedConnection = "TotaraUnencryptedConnectionRefused";

    /// <summary>A parameter value is out of range or inconsistent with another.</summary>
    public const string InvalidParameter = "TotaraInvalidParameter";

    /// <summary>The token endpoint or the API refused the credentials or token.</summary>
    public const string AuthenticationFailed = "TotaraAuthenticationFailed";

    /// <summary>The site's rate limit was still exceeded after the client's retries.</summary>
    public const string RateLimited = "TotaraRateLimited";

    /// <summary>A request was over the site's maximum query complexity.</summary>
    public const string ComplexityExceeded = "TotaraComplexityExceeded";

    /// <summary>The site refused the request's input.</summary>
    public const string ValidationFailed = "TotaraValidationFailed";

    /// <summary>The site failed with a server error.</summary>
    public const string ServerError = "TotaraServerError";

    /// <summary>The site could not be reached or the connection broke.</summary>
    public const string ConnectionFailed = "TotaraConnectionFailed";

    /// <summary>The site answered with a redirect, which the module never follows (it would carry the secret or the request elsewhere).</summary>
    public const string RedirectRefused = "TotaraRedirectRefused";

    /// <summary>The proxy refused the request (407): no credentials, or the wrong ones.</summary>
    public const string ProxyAuthenticationFailed = "TotaraProxyAuthenticationFailed";

    /// <summary>A request took longer than the session's request timeout.</summary>
    public const string RequestTimedOut = "TotaraRequestTimedOut";

    /// <summary>Any other error the site reported for a request.</summary>
    public const string RequestFailed = "TotaraRequestFailed";

    /// <summary>One error from a GraphQL response's <c>errors</c> array.</summary>
    public const string GraphQLError = "TotaraGraphQLError";

    /// <summary>A -Variables value that cannot be sent as a GraphQL variable.</summary>
    public const string InvalidVariable = "TotaraInvalidVariable";
}

/// <summary>
/// Error ids of the record-by-record (batching) cmdlets, e.g. the user cmdlets. Kept beside
/// <see cref="ErrorIds"/> so scripts can match them the same way.
/// </summary>
public static class RecordErrorIds
{
    /// <summary>No user matches the identity given.</summary>
    public const string UserNotFound = "TotaraUserNotFound";

    /// <summary>A record repeats a key (username, email, idnumber) of an earlier record of the same input; it was not sent.</summary>
    public const string DuplicateInput = "TotaraDuplicateInput";

    /// <summary>A record was refused before sending: a required field is missing or a value is malformed.</summary>
    public const string InvalidInput = "TotaraInvalidInput";

    /// <summary>The site refused one record (e.g. its validation, a protected account); the others went on.</summary>
    public const string RecordFailed = "TotaraRecordFailed";

    /// <summary>A record's answer was lost and whether it was applied could not be found out.</summary>
    public const string OutcomeUnknown = "TotaraOutcomeUnknown";
}

namespace Totara.PowerShell.Infrastructure;

/// <summary>
/// The FullyQualifiedErrorId prefixes of every error record the module writes, in one place so a
/// script's author finds them all. Constant so scripts can match on them
/// (<c>$_.FullyQualifiedErrorId -like 'TotaraNotConnected,*'</c>) across releases.
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

    // Records of the batching cmdlets (one error per record; the other records go on).

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

    // Audiences.

    /// <summary>No audience (or more than one) has the id, idnumber or name given to -Cohort / -Identity.</summary>
    public const string CohortNotFound = "TotaraCohortNotFound";

    // Courses.

    /// <summary>No course (or more than one) has the id, idnumber, shortname or name given to -Course / -Identity.</summary>
    public const string CourseNotFound = "TotaraCourseNotFound";

    // Goals.

    /// <summary>No goal matches the id or id_number given.</summary>
    public const string GoalNotFound = "TotaraGoalNotFound";

    // Job assignments.

    /// <summary>Records of the input manage each other in a loop; none of them was sent.</summary>
    public const string ManagementCycle = "TotaraManagementCycle";

    /// <summary>A create of an idnumber the user already has (refused before sending).</summary>
    public const string JobAssignmentExists = "TotaraJobAssignmentExists";

    /// <summary>No job assignment matches the reference given.</summary>
    public const string JobAssignmentNotFound = "TotaraJobAssignmentNotFound";

    /// <summary>A manager was named without a job, and has no job assignment to manage through.</summary>
    public const string ManagerHasNoJobAssignment = "TotaraManagerHasNoJobAssignment";

    // Invoke-TotaraSync.

    /// <summary>A source row was refused (validation or planning); it changed nothing.</summary>
    public const string InvalidRow = "TotaraSyncInvalidRow";

    /// <summary>The removal guard stopped the sync; nothing was changed.</summary>
    public const string RemovalLimitExceeded = "TotaraSyncRemovalLimitExceeded";

    /// <summary>A planned change failed on the site; the others went on.</summary>
    public const string ChangeFailed = "TotaraSyncChangeFailed";

    /// <summary>The state file cannot be read, belongs to another site, or cannot be written.</summary>
    public const string StateFileInvalid = "TotaraSyncStateFileInvalid";

    /// <summary>Another run holds the state file; this one read and changed nothing.</summary>
    public const string StateFileInUse = "TotaraSyncStateFileInUse";
}

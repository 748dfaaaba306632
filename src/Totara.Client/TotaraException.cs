using System;
using System.Collections.Generic;
using System.Net;

namespace Totara.Client;

/// <summary>
/// A request-level failure, with Totara's own message, category, debug message and path.
/// Messages never contain a client secret or an access token.
/// </summary>
public class TotaraException : Exception
{
    /// <summary>Makes a failure from what the site answered.</summary>
    /// <param name="message">The text to show; never a secret or token.</param>
    /// <param name="category">The first error's <c>extensions.category</c>, if any.</param>
    /// <param name="debugMessage">The first error's <c>extensions.debugMessage</c>, if any.</param>
    /// <param name="path">The first error's <c>path</c>, if any.</param>
    /// <param name="statusCode">The HTTP status of the answer, if there was one.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public TotaraException(string message, string? category = null, string? debugMessage = null, IReadOnlyList<object>? path = null, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Category = category;
        DebugMessage = debugMessage;
        Path = path;
        StatusCode = statusCode;
    }

    /// <summary>Totara's <c>extensions.category</c> (e.g. <c>query_complexity</c>, <c>graphql</c>, <c>internal</c>), or the OAuth2 error code of a token failure; null when the answer had none.</summary>
    public string? Category { get; }

    /// <summary>Totara's <c>extensions.debugMessage</c>, the real text behind "Internal server error"; null when the site's response_debug setting hides it.</summary>
    public string? DebugMessage { get; }

    /// <summary>Where in the document the error arose: field names (string) and list indexes (int); null for a failure of the whole request.</summary>
    public IReadOnlyList<object>? Path { get; }

    /// <summary>The HTTP status of the answer, if there was one.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Every GraphQL error of the answer (the first is the message).</summary>
    public IReadOnlyList<TotaraGraphQLError> Errors { get; internal set; } = Array.Empty<TotaraGraphQLError>();
}

/// <summary>The token was refused or the credentials are wrong (OAuth2 error or HTTP 401).</summary>
public sealed class TotaraAuthenticationException : TotaraException
{
    /// <summary>Makes an authentication failure.</summary>
    /// <param name="message">The text to show; it may name the client id, never the secret.</param>
    /// <param name="category">The OAuth2 error code or the GraphQL category, if any.</param>
    /// <param name="debugMessage">The site's debug text, if any.</param>
    /// <param name="statusCode">The HTTP status (usually 400 or 401), if there was one.</param>
    /// <param name="innerException">The exception that caused this one, if any.</param>
    public TotaraAuthenticationException(string message, string? category = null, string? debugMessage = null, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, category, debugMessage, null, statusCode, innerException)
    {
    }
}

/// <summary>Totara's HTTP 429 "Too many requests", still there after every retry.</summary>
public sealed class TotaraRateLimitException : TotaraException
{
    /// <summary>Makes a rate-limit failure (HTTP 429).</summary>
    /// <param name="message">The text to show.</param>
    public TotaraRateLimitException(string message)
        : base(message, null, null, null, (HttpStatusCode)429)
    {
    }
}

/// <summary>"Query complexity exceeded maximum allowed complexity of N." (category query_complexity).</summary>
public sealed class TotaraComplexityException : TotaraException
{
    /// <summary>Makes a complexity failure (category <c>query_complexity</c>).</summary>
    /// <param name="message">The site's message, naming its limit.</param>
    /// <param name="debugMessage">The site's debug text, if any.</param>
    /// <param name="path">The error's path, if any.</param>
    /// <param name="statusCode">The HTTP status, if there was one.</param>
    public TotaraComplexityException(string message, string? debugMessage = null, IReadOnlyList<object>? path = null, HttpStatusCode? statusCode = null)
        : base(message, "query_complexity", debugMessage, path, statusCode)
    {
    }
}

/// <summary>The document or its variables were refused before execution (syntax, unknown field, bad variable).</summary>
public sealed class TotaraValidationException : TotaraException
{
    /// <summary>Makes a validation failure.</summary>
    /// <param name="message">The site's message.</param>
    /// <param name="category">The error's category, if any (e.g. <c>graphql</c>).</param>
    /// <param name="debugMessage">The site's debug text, if any.</param>
    /// <param name="path">The error's path, if any.</param>
    /// <param name="statusCode">The HTTP status, if there was one.</param>
    public TotaraValidationException(string message, string? category = null, string? debugMessage = null, IReadOnlyList<object>? path = null, HttpStatusCode? statusCode = null)
        : base(message, category, debugMessage, path, statusCode)
    {
    }
}

/// <summary>The site failed (HTTP 5xx), still after every retry.</summary>
public sealed class TotaraServerException : TotaraException
{
    /// <summary>Makes a server failure.</summary>
    /// <param name="message">The text to show.</param>
    /// <param name="category">The error's category, if the site sent one.</param>
    /// <param name="debugMessage">The site's debug text, if any.</param>
    /// <param name="statusCode">The HTTP status (5xx), if there was one.</param>
    public TotaraServerException(string message, string? category = null, string? debugMessage = null, HttpStatusCode? statusCode = null)
        : base(message, category, debugMessage, null, statusCode)
    {
    }
}

/// <summary>
/// The network failed: no connection, a dropped connection or a timeout. When
/// <see cref="AnswerLost"/> is true the request was sent and a mutation in it may have been applied.
/// </summary>
public sealed class TotaraConnectionException : TotaraException
{
    /// <summary>Makes a network failure.</summary>
    /// <param name="message">The text to show.</param>
    /// <param name="answerLost">True when the request had been sent when the connection failed (see <see cref="AnswerLost"/>).</param>
    /// <param name="innerException">The network exception, if any.</param>
    public TotaraConnectionException(string message, bool answerLost, Exception? innerException = null)
        : base(message, null, null, null, null, innerException)
    {
        AnswerLost = answerLost;
    }

    /// <summary>True when the request had gone out before the failure, so a mutation in it may have been applied; false when it never left (no connection), so resending is safe.</summary>
    public bool AnswerLost { get; }
}

/// <summary>
/// The site answered a token or API request with a redirect (HTTP 3xx). The client follows no
/// redirects: the request carried the client secret or a token and a body, and following would
/// hand them to wherever the answer points. <see cref="Location"/> names the target (without
/// its query); <see cref="SuggestedSiteUrl"/> is set when the redirect only moved the site to
/// https or to another path of the same host.
/// </summary>
public sealed class TotaraRedirectException : TotaraException
{
    /// <summary>Makes a redirect refusal.</summary>
    /// <param name="message">The text to show.</param>
    /// <param name="statusCode">The redirect's HTTP status (3xx).</param>
    /// <param name="location">Where the site pointed, without its query; null if it gave no usable Location.</param>
    /// <param name="suggestedSiteUrl">The site URL to use instead, when the redirect shows it; else null.</param>
    public TotaraRedirectException(string message, HttpStatusCode statusCode, Uri? location, Uri? suggestedSiteUrl)
        : base(message, null, null, null, statusCode)
    {
        Location = location;
        SuggestedSiteUrl = suggestedSiteUrl;
    }

    /// <summary>Where the site pointed (scheme, host, port and path only); null if it gave no usable Location.</summary>
    public Uri? Location { get; }

    /// <summary>The site URL to connect with instead, when the redirect shows it; else null.</summary>
    public Uri? SuggestedSiteUrl { get; }
}

/// <summary>
/// The proxy between the client and the site refused the request (HTTP 407): it wants
/// credentials, or refused the ones given. Nothing reached the site; retrying cannot help.
/// </summary>
public sealed class TotaraProxyException : TotaraException
{
    /// <summary>Makes a proxy refusal (HTTP 407).</summary>
    /// <param name="message">The text to show; never the proxy's password.</param>
    public TotaraProxyException(string message)
        : base(message, null, null, null, HttpStatusCode.ProxyAuthenticationRequired)
    {
    }
}

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
    public TotaraException(string message, string? category = null, string? debugMessage = null, IReadOnlyList<object>? path = null, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Category = category;
        DebugMessage = debugMessage;
        Path = path;
        StatusCode = statusCode;
    }

    public string? Category { get; }

    public string? DebugMessage { get; }

    public IReadOnlyList<object>? Path { get; }

    /// <summary>The HTTP status of the answer, if there was one.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Every GraphQL error of the answer (the first is the message).</summary>
    public IReadOnlyList<TotaraGraphQLError> Errors { get; internal set; } = Array.Empty<TotaraGraphQLError>();
}

/// <summary>The token was refused or the credentials are wrong (OAuth2 error or HTTP 401).</summary>
public sealed class TotaraAuthenticationException : TotaraException
{
    public TotaraAuthenticationException(string message, string? category = null, string? debugMessage = null, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base(message, category, debugMessage, null, statusCode, innerException)
    {
    }
}

/// <summary>Totara's HTTP 429 "Too many requests", still there after every retry.</summary>
public sealed class TotaraRateLimitException : TotaraException
{
    public TotaraRateLimitException(string message)
        : base(message, null, null, null, (HttpStatusCode)429)
    {
    }
}

/// <summary>"Query complexity exceeded maximum allowed complexity of N." (category query_complexity).</summary>
public sealed class TotaraComplexityException : TotaraException
{
    public TotaraComplexityException(string message, string? debugMessage = null, IReadOnlyList<object>? path = null, HttpStatusCode? statusCode = null)
        : base(message, "query_complexity", debugMessage, path, statusCode)
    {
    }
}

/// <summary>The document or its variables were refused before execution (syntax, unknown field, bad variable).</summary>
public sealed class TotaraValidationException : TotaraException
{
    public TotaraValidationException(string message, string? category = null, string? debugMessage = null, IReadOnlyList<object>? path = null, HttpStatusCode? statusCode = null)
        : base(message, category, debugMessage, path, statusCode)
    {
    }
}

/// <summary>The site failed (HTTP 5xx), still after every retry.</summary>
public sealed class TotaraServerException : TotaraException
{
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
    public TotaraConnectionException(string message, bool answerLost, Exception? innerException = null)
        : base(message, null, null, null, null, innerException)
    {
        AnswerLost = answerLost;
    }

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
    public TotaraProxyException(string message)
        : base(message, null, null, null, HttpStatusCode.ProxyAuthenticationRequired)
    {
    }
}

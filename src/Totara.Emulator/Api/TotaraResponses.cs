using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Totara.Emulator.Api;

/// <summary>The fixed-shape JSON answers Totara's API controller and OAuth2 server send.</summary>
internal static class TotaraResponses
{
    public const string TooManyRequests = "Too many requests";
    public const string InvalidToken = "Missing, expired or invalid access token. Ensure the Authorization header is set to a valid Bearer token.";
    public const string MissingAuthorizationHeader = "The request did not contain the required Authorization header. Ensure you set the header in your request and that it is not being stripped by your server or proxy configuration.";
    public const string ApiUserInvalid = "API user is invalid.";
    // webonyx Validator\Rules\DisableIntrospection::introspectionDisabledMessage(), which Totara's
    // totara_webapi\disable_introspection applies (its own class is not in the searchable index).
    public const string IntrospectionDisabled = "GraphQL introspection is not allowed, but the query contained __schema or __type";
    public const string InternalServerError = "Internal server error";

    /// <summary>A request from outside the API client's allowed IP addresses.</summary>
    public static string AddressBlocked(System.Net.IPAddress? address) =>
        $"Request from address {(address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address)?.ToString() ?? "unknown"} was blocked";
    public const string AuthenticationError = "Authentication error";

    /// <summary>
    /// An error raised before GraphQL execution (authentication, rate limit, introspection):
    /// Totara's controller sends the message twice, as a GraphQL error and as "error".
    /// </summary>
    public static Task WriteControllerErrorAsync(HttpContext http, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("errors");
            json.WriteStartObject();
            json.WriteString("message", message);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("error", message);
            json.WriteEndObject();
        }

        return http.Response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }

    /// <summary>
    /// A request that failed before execution, as Totara answers it: totara_webapi\server::handle_request
    /// catches the exception (the pre-request watcher's, or request::validate's) and send_response(..., 200)
    /// sends it as a GraphQL result without data. A client-safe error keeps its message; any other
    /// reads "Internal server error", its text only in debugMessage at NORMAL and above
    /// (totara_api\response_debug), with a trace at DEVELOPER.
    /// </summary>
    public static Task WriteFailedRequestAsync(HttpContext http, RequestFailure failure, ResponseDebug level)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        var hidden = level == ResponseDebug.None;
        var (message, category) = failure.ClientSafe ? (failure.Text, failure.Category)
            : hidden ? (failure.NoneMessage ?? InternalServerError, failure.NoneCategory ?? ErrorCategories.Internal)
            : (InternalServerError, ErrorCategories.Internal);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("errors");
            json.WriteStartObject();
            json.WriteString("message", message);
            json.WriteStartObject("extensions");
            json.WriteString("category", category);
            if (!failure.ClientSafe && !hidden)
            {
                json.WriteString("debugMessage", failure.Text);
            }

            if (!failure.ClientSafe && level == ResponseDebug.Developer)
            {
                json.WriteStartArray("trace");
                json.WriteStartObject();
                json.WriteString("file", failure.TraceFile);
                json.WriteNumber("line", 0);
                json.WriteString("call", failure.TraceCall);
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return http.Response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }

    /// <summary>
    /// An OAuth2 error as league/oauth2-server words it: error, error_description, the
    /// optional hint and the deprecated duplicate "message".
    /// </summary>
    public static Task WriteOAuthErrorAsync(HttpContext http, OAuthError error)
    {
        http.Response.StatusCode = error.Status;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("error", error.Code);
            json.WriteString("error_description", error.Description);
            if (error.Hint is not null)
            {
                json.WriteString("hint", error.Hint);
            }

            json.WriteString("message", error.Description);
            json.WriteEndObject();
        }

        return http.Response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }
}

/// <summary>
/// Why a GraphQL request failed before any of it ran: its real text, where Totara raises it (for
/// the DEVELOPER trace) and what NONE shows instead of "Internal server error", if anything else.
/// </summary>
internal sealed record RequestFailure(string Text, string TraceFile, string TraceCall)
{
    public bool ClientSafe { get; init; }

    public string Category { get; init; } = ErrorCategories.Internal;

    public string? NoneMessage { get; init; }

    public string? NoneCategory { get; init; }

    /// <summary>
    /// totara_api\auth\access_token_validator's api_access_exception. At NONE the pre-request watcher
    /// (totara_api\watcher\handle_request_pre_watcher) swaps in api_access_client_exception:
    /// "Authentication error", category api_access.
    /// </summary>
    public static RequestFailure Authentication(string text) => new(
        text, "server/totara/api/classes/auth/access_token_validator.php", "totara_api\\auth\\access_token_validator::validate_access_token()")
    {
        NoneMessage = TotaraResponses.AuthenticationError,
        NoneCategory = ErrorCategories.ApiAccess,
    };

    /// <summary>totara_webapi\request::validate's webapi_request_exception (not client safe).</summary>
    public static RequestFailure Request(string text) => new(
        text, "server/totara/webapi/classes/request.php", "totara_webapi\\request->validate()");

    /// <summary>webonyx's RequestError for bad operation parameters: client safe, category "request".</summary>
    public static RequestFailure Parameters(string text) => new(
        text, "server/lib/webonyx-graphql-php/src/Server/Helper.php", "GraphQL\\Server\\Helper->validateOperationParams()")
    {
        ClientSafe = true,
        Category = "request",
    };
}

/// <summary>One OAuth2 token endpoint failure.</summary>
internal sealed record OAuthError(int Status, string Code, string Description, string? Hint)
{
    public static OAuthError InvalidRequest(string parameter) => new(
        400,
        "invalid_request",
        "The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.",
        $"Check the `{parameter}` parameter");

    public static OAuthError UnsupportedGrantType() => new(
        400,
        "unsupported_grant_type",
        "The authorization grant type is not supported by the authorization server.",
        "Check that all required parameters have been provided");

    public static OAuthError InvalidClient() => new(401, "invalid_client", "Client authentication failed", null);
}

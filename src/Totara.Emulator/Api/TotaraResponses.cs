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
    public const string IntrospectionDisabled = "GraphQL introspection is not enabled.";
    public const string InternalServerError = "Internal server error";
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
    /// A refused access token, as Totara answers it: totara_webapi\server::handle_request catches
    /// the watcher's exception and send_response(..., 200) sends it as a GraphQL result without
    /// data. At NONE the watcher (totara_api\watcher\handle_request_pre_watcher) swaps in
    /// api_access_client_exception, "Authentication error", category api_access; otherwise
    /// api_access_exception is not client safe: "Internal server error" with the validator's
    /// text as debugMessage.
    /// </summary>
    public static Task WriteAuthenticationErrorAsync(HttpContext http, string text, ResponseDebug level)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("errors");
            json.WriteStartObject();
            json.WriteString("message", level == ResponseDebug.None ? AuthenticationError : InternalServerError);
            json.WriteStartObject("extensions");
            json.WriteString("category", level == ResponseDebug.None ? ErrorCategories.ApiAccess : ErrorCategories.Internal);
            if (level != ResponseDebug.None)
            {
                json.WriteString("debugMessage", text);
            }

            if (level == ResponseDebug.Developer)
            {
                json.WriteStartArray("trace");
                json.WriteStartObject();
                json.WriteString("file", "server/totara/api/classes/auth/access_token_validator.php");
                json.WriteNumber("line", 0);
                json.WriteString("call", "totara_api\\auth\\access_token_validator::validate_access_token()");
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

using System;
using System.Linq;
using System.Net;

namespace Totara.Client.Transport;

/// <summary>
/// Recognises Totara's refusal of an access token in each of its forms. Totara sends it as a
/// GraphQL error with HTTP 200 (totara_webapi\server::handle_request); a proxy may send 401.
/// At response_debug NONE it is "Authentication error" with category <c>api_access</c>; at
/// NORMAL the message is the generic "Internal server error" and the validator's text
/// (totara_api\auth\access_token_validator) is in <c>debugMessage</c>. The generic message is
/// never read.
/// </summary>
internal static class AuthenticationFailure
{
    // handle_request_pre_watcher's api_access_client_exception (client_aware_exception_helper).
    public const string ApiAccessCategory = "api_access";

    // The texts access_token_validator throws. Matched at the start, so a site's wording of the
    // rest of a sentence does not matter.
    private static readonly string[] ValidatorTexts =
    {
        "Missing, expired or invalid access token",
        "The request did not contain the required Authorization header",
        "Missing or invalid HTTP request headers",
        "Couldn't identify OAuth2 client provider for this request",
        "Couldn't identify API client for this request",
        "Couldn't identify API user for this request",
        "API user is invalid",
        AddressBlockedText,
    };

    // The API client's allowed IP addresses refuse this machine: "Request from address … was blocked".
    // A new token would be refused the same way, so it is never renewed.
    private const string AddressBlockedText = "Request from address";

    public static bool IsAuthenticationFailure(RawAnswer answer) =>
        answer.Status == HttpStatusCode.Unauthorized
        || (answer.Data is null && answer.Errors.Any(IsAuthenticationError));

    public static bool IsAuthenticationError(TotaraGraphQLError error) =>
        string.Equals(error.Category, ApiAccessCategory, StringComparison.Ordinal)
        || (error.DebugMessage is { } text && ValidatorTexts.Any(t => text.StartsWith(t, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The site refuses this machine's address, whatever the token: renewing is pointless.</summary>
    public static bool IsAddressBlocked(RawAnswer answer) =>
        answer.Data is null && answer.Errors.Any(e => e.DebugMessage is { } text && text.StartsWith(AddressBlockedText, StringComparison.OrdinalIgnoreCase));

    /// <summary>The exception that ends the run: the token was refused, even after renewal when one was possible.</summary>
    public static TotaraAuthenticationException ToException(RawAnswer answer, bool renewed)
    {
        var error = answer.Errors.FirstOrDefault(IsAuthenticationError) ?? answer.Errors.FirstOrDefault();
        var reason = error?.DebugMessage ?? (answer.Status == HttpStatusCode.Unauthorized ? "HTTP 401 Unauthorized" : error?.Message ?? "Authentication error");
        var message = IsAddressBlocked(answer)
            ? $"Authentication failed: the site refuses requests from this computer's address ({reason}). Add the address to the API client's allowed IP addresses on the site, or run from an allowed machine."
            : renewed
            ? $"Authentication failed: the site refused a newly issued access token too ({reason}). Check the API client, its service account and the site's API settings."
            : $"Authentication failed: the site refused the access token ({reason}).";
        return new TotaraAuthenticationException(message, error?.Category, error?.DebugMessage, answer.Status) { Errors = answer.Errors };
    }
}

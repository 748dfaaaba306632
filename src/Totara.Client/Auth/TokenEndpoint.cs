using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Transport;

namespace Totara.Client.Auth;

/// <summary>
/// Totara's OAuth2 token endpoint (<c>/totara/oauth2/token.php</c>), client credentials grant.
/// OAuth2 errors (<c>error</c>, <c>error_description</c>, <c>hint</c>) become an
/// authentication exception with that text; the secret is never part of any message.
/// </summary>
internal sealed class TokenEndpoint
{
    private readonly HttpClient _http;
    private readonly Uri _siteRoot;
    private readonly Uri _uri;
    private readonly string _clientId;
    private readonly ProtectedSecret _clientSecret;
    private readonly TimeSpan _timeout;

    public TokenEndpoint(HttpClient http, Uri siteRoot, string clientId, ProtectedSecret clientSecret, TimeSpan timeout)
    {
        _http = http;
        _siteRoot = siteRoot;
        _uri = new Uri(siteRoot, "totara/oauth2/token.php");
        _clientId = clientId;
        _clientSecret = clientSecret;
        _timeout = timeout;
    }

    public async Task<IssuedTokenResponse> RequestAsync(CancellationToken ct)
    {
        var form = new FormUrlEncodedContent(new[]
        {
            new KeyValuePair<string, string>("grant_type", "client_credentials"),
            new KeyValuePair<string, string>("client_id", _clientId),
            // As text only for this request's body (see ProtectedSecret).
            new KeyValuePair<string, string>("client_secret", _clientSecret.Reveal()),
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = form };
        var (status, body) = await HttpExchange.SendAsync(_http, request, _siteRoot, _timeout, requestMayBeApplied: false, "the token request", ct).ConfigureAwait(false);
        return Parse(status, body);
    }

    private IssuedTokenResponse Parse(HttpStatusCode status, byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            throw NonJson(status);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw NonJson(status);

            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
                throw OAuthError(status, error.GetString()!, StringOf(root, "error_description"), StringOf(root, "hint"));

            var token = StringOf(root, "access_token");
            if ((int)status >= 300 || string.IsNullOrEmpty(token))
                throw NonJson(status);

            var expiresIn = root.TryGetProperty("expires_in", out var e) && e.TryGetInt64(out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.FromHours(1);
            return new IssuedTokenResponse(token!, expiresIn);
        }
    }

    private TotaraException OAuthError(HttpStatusCode status, string error, string? description, string? hint)
    {
        var text = description is null ? error : $"{description} ({error})";
        if (!string.IsNullOrEmpty(hint)) text += " " + hint;
        var message = $"Totara refused the token request for client '{_clientId}': {text}";
        if ((int)status >= 500)
            return new TotaraServerException(message, error, null, status);
        return new TotaraAuthenticationException(message, error, hint, status);
    }

    private static TotaraException NonJson(HttpStatusCode status)
    {
        var message = $"The token endpoint answered HTTP {(int)status} without a token.";
        return (int)status >= 500 || (int)status == 408
            ? new TotaraServerException(message, null, null, status)
            : new TotaraAuthenticationException(message, null, null, status);
    }

    private static string? StringOf(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public override string ToString() => $"Token endpoint {_uri} (client id {_clientId})";
}

internal sealed class IssuedTokenResponse
{
    public IssuedTokenResponse(string accessToken, TimeSpan expiresIn)
    {
        AccessToken = accessToken;
        ExpiresIn = expiresIn;
    }

    public string AccessToken { get; }

    public TimeSpan ExpiresIn { get; }

    public override string ToString() => $"Token (hidden), expires in {ExpiresIn}";
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Totara.Emulator.Api;

/// <summary>
/// <c>POST /totara/oauth2/token.php</c>: the OAuth2 client-credentials grant, checked in the
/// order league/oauth2-server checks it (grant type, client id, then the client's secret).
/// </summary>
internal sealed class TokenEndpoint
{
    private readonly ClientRegistry _clients;
    private readonly EmulatorCounters _counters;

    public TokenEndpoint(ClientRegistry clients, EmulatorCounters counters)
    {
        _clients = clients;
        _counters = counters;
    }

    public async Task HandleAsync(HttpContext http)
    {
        _counters.CountTokenRequest();
        var form = http.Request.HasFormContentType
            ? await http.Request.ReadFormAsync(http.RequestAborted)
            : FormCollection.Empty;

        // league/oauth2-server AuthorizationServer::respondToAccessTokenRequest: no grant answers a
        // missing grant_type either, so it is unsupported_grant_type, not invalid_request.
        var grantType = Single(form, "grant_type");
        if (grantType != "client_credentials")
        {
            await TotaraResponses.WriteOAuthErrorAsync(http, OAuthError.UnsupportedGrantType());
            return;
        }

        var clientId = Single(form, "client_id");
        if (string.IsNullOrEmpty(clientId))
        {
            await TotaraResponses.WriteOAuthErrorAsync(http, OAuthError.InvalidRequest("client_id"));
            return;
        }

        var client = _clients.Authenticate(clientId, Single(form, "client_secret") ?? "");
        if (client is null)
        {
            await TotaraResponses.WriteOAuthErrorAsync(http, OAuthError.InvalidClient());
            return;
        }

        var (token, lifetime) = _clients.Issue(client);
        _counters.CountTokenIssued();
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.Pragma = "no-cache";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("token_type", "Bearer");
            json.WriteNumber("expires_in", (long)Math.Max(0, lifetime.TotalSeconds));
            json.WriteString("access_token", token);
            json.WriteEndObject();
        }

        await http.Response.Body.WriteAsync(buffer.ToArray(), http.RequestAborted);
    }

    // A parameter given more than once is treated as missing, as a malformed request.
    private static string? Single(IFormCollection form, string name) =>
        form.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Totara.Emulator.Tests.TestSupport;

/// <summary>
/// A deliberately plain client for tests of the emulator itself: it asks the token endpoint for
/// a token and posts <c>{query, variables}</c> over real HTTP, handing back the status code and
/// the parsed body. No retries, no pacing: a test sees exactly what the server answered.
/// </summary>
public sealed class ApiTestClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _clientId;
    private readonly string _clientSecret;
    private string? _token;

    public ApiTestClient(Uri siteUrl, string clientId, string clientSecret)
    {
        _http = new HttpClient { BaseAddress = siteUrl, Timeout = TimeSpan.FromSeconds(30) };
        _clientId = clientId;
        _clientSecret = clientSecret;
    }

    /// <summary>Use this token instead of asking for one (e.g. a pre-issued or a bogus token).</summary>
    public string? Token { get => _token; set => _token = value; }

    public async Task<string> GetTokenAsync()
    {
        var response = await RequestTokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _clientId,
            ["client_secret"] = _clientSecret,
        });
        if (response.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Token request failed with {(int)response.Status}: {response.Body.RootElement}");
        }

        _token = response.Body.RootElement.GetProperty("access_token").GetString();
        return _token!;
    }

    /// <summary>Posts any form to the token endpoint and returns what came back.</summary>
    public async Task<ApiResponse> RequestTokenAsync(IDictionary<string, string> form)
    {
        using var response = await _http.PostAsync("totara/oauth2/token.php", new FormUrlEncodedContent(form));
        return await ApiResponse.ReadAsync(response);
    }

    /// <summary>Posts a GraphQL document (getting a token first if there is none).</summary>
    public async Task<ApiResponse> PostAsync(string query, object? variables = null)
    {
        var body = JsonSerializer.Serialize(new { query, variables });
        return await PostRawAsync(body);
    }

    /// <summary>Posts a body exactly as given, with the current token.</summary>
    public async Task<ApiResponse> PostRawAsync(string jsonBody, bool withToken = true)
    {
        if (withToken && _token is null)
        {
            await GetTokenAsync();
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/graphql.php")
        {
            Content = new StringContent(jsonBody, Encoding.UTF8, "application/json"),
        };
        if (withToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        using var response = await _http.SendAsync(request);
        return await ApiResponse.ReadAsync(response);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>One HTTP answer: status, headers and the JSON body.</summary>
public sealed class ApiResponse : IDisposable
{
    private ApiResponse(HttpStatusCode status, HttpResponseHeaders headers, string text, JsonDocument body)
    {
        Status = status;
        Headers = headers;
        Text = text;
        Body = body;
    }

    public HttpStatusCode Status { get; }

    public HttpResponseHeaders Headers { get; }

    /// <summary>The body exactly as sent.</summary>
    public string Text { get; }

    public JsonDocument Body { get; }

    /// <summary>The <c>data</c> member (or an undefined element when absent).</summary>
    public JsonElement Data => Body.RootElement.TryGetProperty("data", out var data) ? data : default;

    /// <summary>The <c>errors</c> list, empty when there are none.</summary>
    public IReadOnlyList<JsonElement> Errors =>
        Body.RootElement.TryGetProperty("errors", out var errors) ? errors.EnumerateArray().ToList() : Array.Empty<JsonElement>();

    internal static async Task<ApiResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return new ApiResponse(response.StatusCode, response.Headers, text, JsonDocument.Parse(text.Length == 0 ? "null" : text));
    }

    public void Dispose() => Body.Dispose();
}

using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Auth;

namespace Totara.Client.Transport;

/// <summary>
/// The single choke point for API requests: POSTs the document to <c>/api/graphql.php</c> with
/// the bearer token, reads the GraphQL body from any status, renews the token and resends once
/// when the token is refused (Totara's HTTP 200 authentication error, or a 401), and maps
/// request-level failures to typed exceptions. No retries here (see
/// <see cref="Resilience.RetryPipelineFactory"/>); one call is one attempt.
/// </summary>
internal sealed class GraphQLConnection
{
    private readonly HttpClient _http;
    private readonly Uri _siteRoot;
    private readonly Uri _endpoint;
    private readonly AccessTokenSource _tokens;
    private readonly TimeSpan _timeout;

    public GraphQLConnection(HttpClient http, Uri siteRoot, AccessTokenSource tokens, TimeSpan timeout)
    {
        _http = http;
        _siteRoot = siteRoot;
        _endpoint = new Uri(siteRoot, "api/graphql.php");
        _tokens = tokens;
        _timeout = timeout;
    }

    /// <summary>
    /// One attempt. Returns any GraphQL answer (data and/or errors; the caller decides what a
    /// data-less answer means) and throws the typed exception for HTTP-level failures. The
    /// caller disposes the answer.
    /// </summary>
    public async Task<RawAnswer> SendAsync(GraphQLRequest request, bool isMutation, CancellationToken ct)
    {
        var body = RequestBody.Serialize(request);
        var token = await _tokens.GetAsync(ct).ConfigureAwait(false);
        var answer = await PostAsync(body, token, request, isMutation, ct).ConfigureAwait(false);

        var renewed = false;
        if (AuthenticationFailure.IsAuthenticationFailure(answer) && !AuthenticationFailure.IsAddressBlocked(answer) && _tokens.CanRenew)
        {
            // A refused token stops the request before anything runs (the pre-request watcher),
            // so resending it is safe even for a mutation.
            answer.Dispose();
            token = await _tokens.RenewAsync(token, ct).ConfigureAwait(false);
            answer = await PostAsync(body, token, request, isMutation, ct).ConfigureAwait(false);
            renewed = true;
        }

        if (AuthenticationFailure.IsAuthenticationFailure(answer))
        {
            var refused = AuthenticationFailure.ToException(answer, renewed);
            answer.Dispose();
            throw refused;
        }

        var failure = ErrorMapper.TransportFailure(answer);
        if (failure is null)
            return answer;
        answer.Dispose();
        throw failure;
    }

    private async Task<RawAnswer> PostAsync(byte[] body, string token, GraphQLRequest request, bool isMutation, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = RequestBody.ToContent(body) };
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var what = request.OperationName is null ? "the GraphQL request" : $"GraphQL request '{request.OperationName}'";
        var (status, responseBody) = await HttpExchange.SendAsync(_http, message, _siteRoot, _timeout, isMutation, what, ct).ConfigureAwait(false);
        return ResponseReader.Read(status, responseBody);
    }

    public override string ToString() => $"GraphQL connection to {_endpoint}";
}

using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Totara.Client.Transport;

/// <summary>
/// Sends one HTTP request and reads the whole body, turning every network failure (refused
/// connection, dropped connection, timeout) into a <see cref="TotaraConnectionException"/> that
/// says whether the request may have reached the site. The caller's cancellation stays an
/// <see cref="OperationCanceledException"/>. A redirect is never followed (the handler is built
/// with auto-redirect off) and becomes a <see cref="TotaraRedirectException"/>: the request
/// carried a secret or a token and a body that must not go to wherever the answer points.
/// </summary>
internal static class HttpExchange
{
    public static async Task<(HttpStatusCode Status, byte[] Body)> SendAsync(
        HttpClient http, HttpRequestMessage request, Uri siteRoot, TimeSpan timeout, bool requestMayBeApplied, string what, CancellationToken ct)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
            if (RedirectRefusal.IsRedirect(response.StatusCode))
                throw RedirectRefusal.Create(siteRoot, request.RequestUri, response.StatusCode, response.Headers.Location, what);
            if (response.StatusCode == HttpStatusCode.ProxyAuthenticationRequired)
                throw new TotaraProxyException(
                    $"The proxy refused {what} (HTTP 407 Proxy Authentication Required): it wants credentials, or refused the ones given. Nothing reached the site. Pass -ProxyCredential, or -ProxyUseDefaultCredentials to sign in to the proxy as yourself.");
            var body = await ReadBodyAsync(response, timeoutSource.Token).ConfigureAwait(false);
            return (response.StatusCode, body);
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpRequestException or IOException or SocketException)
        {
            // Whatever the transport threw, the caller's own cancellation wins, then our timeout.
            if (ct.IsCancellationRequested)
                throw new OperationCanceledException($"Cancelled during {what}.", ex, ct);
            if (ex is OperationCanceledException || timeoutSource.IsCancellationRequested)
                throw new TotaraConnectionException($"No answer to {what} within {timeout.TotalSeconds:0.#} s.", requestMayBeApplied, ex);

            var neverSent = NeverReachedSite(ex);
            throw new TotaraConnectionException(
                $"The connection failed during {what}: {Describe(ex)}", requestMayBeApplied && !neverSent, ex);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        // netstandard2.0 has no ReadAsByteArrayAsync(CancellationToken): cancel by disposing the response.
        using (ct.Register(response.Dispose))
        {
            try
            {
                return await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException) when (ct.IsCancellationRequested)
            {
                throw new OperationCanceledException(ct);
            }
        }
    }

    /// <summary>A refused or unresolvable connection means the request never left this machine.</summary>
    private static bool NeverReachedSite(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket)
            {
                return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound
                    or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain
                    or SocketError.NoData;
            }
        }
        return false;
    }

    private static string Describe(Exception ex)
    {
        var innermost = ex;
        while (innermost.InnerException is not null) innermost = innermost.InnerException;
        return innermost == ex ? ex.Message : $"{ex.Message} ({innermost.Message})";
    }
}

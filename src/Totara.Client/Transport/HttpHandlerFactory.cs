using System.Net;
using System.Net.Http;

namespace Totara.Client.Transport;

/// <summary>The one HTTP handler a client sends through: no redirects, no cookies, the proxy chosen.</summary>
internal static class HttpHandlerFactory
{
    public static HttpMessageHandler Create(TotaraClientOptions options)
    {
        // No automatic redirects: a followed 307 re-posts the client secret or the request body to
        // whatever host the answer names (even over http). A redirect is reported instead.
        // Certificate validation is never changed here: a private CA is trusted through the
        // machine's certificate store (docs/connecting.md).
        var handler = new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false };
        var proxy = options.Proxy ?? TotaraProxy.FromEnvironment(options.SiteUrl);
        if (proxy is not null)
        {
            if (proxy.Credentials is null && options.ProxyUseDefaultCredentials) proxy.Credentials = CredentialCache.DefaultCredentials;
            handler.Proxy = proxy;
            handler.UseProxy = true;
        }
        else if (options.ProxyUseDefaultCredentials)
        {
            handler.DefaultProxyCredentials = CredentialCache.DefaultCredentials;
        }
        return handler;
    }
}

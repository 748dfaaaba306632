using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;

namespace Totara.Client.Transport;

/// <summary>
/// The HTTP proxy the client sends through: one given explicitly (Connect-Totara -Proxy), or the
/// one HTTPS_PROXY / HTTP_PROXY name, with NO_PROXY's exceptions. Our own IWebProxy rather than
/// .NET's defaults: Windows PowerShell's .NET Framework ignores the *_PROXY variables, and .NET's
/// own reading of them differs in detail; this reads them the same way on both hosts.
/// </summary>
public sealed class TotaraProxy : IWebProxy
{
    private static readonly char[] UserInfoSeparator = { ':' };
    private static readonly char[] ListSeparator = { ',' };

    private readonly IReadOnlyList<string> _bypass;

    /// <summary>A proxy given explicitly.</summary>
    /// <param name="address">The proxy's absolute http:// or https:// address, without user info.</param>
    /// <param name="credentials">The credentials the proxy wants; null for none (or for the signed-in user's, with <see cref="TotaraClientOptions.ProxyUseDefaultCredentials"/>).</param>
    /// <param name="bypass">NO_PROXY-style entries of hosts reached directly (see <see cref="IsBypassed"/>); null for none.</param>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="address"/> is not an absolute http:// or https:// address.</exception>
    public TotaraProxy(Uri address, ICredentials? credentials = null, IEnumerable<string>? bypass = null)
    {
        if (address is null) throw new ArgumentNullException(nameof(address));
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"The proxy address '{address}' must be an absolute http:// or https:// address.", nameof(address));
        Address = address;
        Credentials = credentials;
        _bypass = (bypass ?? Enumerable.Empty<string>()).Select(b => b.Trim().ToLowerInvariant()).Where(b => b.Length > 0).ToList();
    }

    /// <summary>The proxy's address (never with user info: credentials live in <see cref="Credentials"/>).</summary>
    public Uri Address { get; }

    /// <summary>The credentials sent to the proxy when it asks (HTTP 407); null for none.</summary>
    public ICredentials? Credentials { get; set; }

    /// <inheritdoc/>
    public Uri GetProxy(Uri destination) => IsBypassed(destination) ? destination : Address;

    /// <summary>True when NO_PROXY lists the destination: '*', a host, a domain suffix ('.example.com' or 'example.com'), or host:port.</summary>
    public bool IsBypassed(Uri host)
    {
        string name = host.IdnHost.ToLowerInvariant();
        foreach (string entry in _bypass)
        {
            if (entry == "*") return true;
            string pattern = entry;
            int colon = pattern.LastIndexOf(':');
            if (colon > 0 && !pattern.Contains("]") && int.TryParse(pattern.Substring(colon + 1), out int port))
            {
                if (port != host.Port) continue;
                pattern = pattern.Substring(0, colon);
            }
            pattern = pattern.TrimStart('*').TrimStart('.');
            if (name == pattern || name.EndsWith("." + pattern, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>
    /// The proxy the environment names for requests to <paramref name="siteUrl"/>'s scheme
    /// (https_proxy / HTTPS_PROXY for https, http_proxy / HTTP_PROXY for http; lower case first,
    /// as curl reads them), with no_proxy / NO_PROXY; null when none is set. User info in the
    /// variable (http://user:pass@proxy:3128) becomes the proxy's credentials.
    /// </summary>
    public static TotaraProxy? FromEnvironment(Uri siteUrl, Func<string, string?>? variable = null)
    {
        variable ??= Environment.GetEnvironmentVariable;
        string? value = siteUrl.Scheme == Uri.UriSchemeHttps
            ? First(variable, "https_proxy", "HTTPS_PROXY")
            : First(variable, "http_proxy", "HTTP_PROXY");
        if (string.IsNullOrWhiteSpace(value)) return null;
        string text = value!.Trim();
        if (!text.Contains("://")) text = "http://" + text;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed))
            throw new ArgumentException("The proxy named by the *_PROXY environment variable is not a valid address.");
        NetworkCredential? credentials = null;
        if (parsed.UserInfo.Length > 0)
        {
            string[] parts = parsed.UserInfo.Split(UserInfoSeparator, 2);
            credentials = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
        }
        var address = new UriBuilder(parsed) { UserName = "", Password = "" }.Uri;
        var bypass = (First(variable, "no_proxy", "NO_PROXY") ?? "").Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new TotaraProxy(address, credentials, bypass);
    }

    private static string? First(Func<string, string?> variable, params string[] names) =>
        names.Select(variable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>The address only: never the credentials.</summary>
    public override string ToString() => Address.GetLeftPart(UriPartial.Authority);
}

using System;
using System.Net;

namespace Totara.Client.Transport;

/// <summary>
/// Explains a redirect the client refused to follow: where it pointed, that nothing was sent
/// there, and, when the redirect only changed the scheme (http to https) or the path on the same
/// host, the site URL that would answer without one.
/// </summary>
internal static class RedirectRefusal
{
    public static bool IsRedirect(HttpStatusCode status) => (int)status >= 300 && (int)status <= 399;

    /// <param name="siteRoot">The site URL the client was given (ending in '/').</param>
    /// <param name="requested">The endpoint that answered with the redirect, under <paramref name="siteRoot"/>.</param>
    /// <param name="status">The redirect's HTTP status (3xx).</param>
    /// <param name="location">The answer's Location header, as sent (may be relative); null when absent.</param>
    /// <param name="what">The request, for the message ("the token request").</param>
    public static TotaraRedirectException Create(Uri siteRoot, Uri requested, HttpStatusCode status, Uri? location, string what)
    {
        var code = (int)status;
        var target = location is null ? null : Shown(location.IsAbsoluteUri ? location : new Uri(requested, location));
        if (target is null)
        {
            return new TotaraRedirectException(
                $"The site answered {what} with HTTP {code} (a redirect) and no usable Location. {CheckUrlAdvice}",
                status, null, null);
        }

        var suggestion = SuggestedSiteUrl(siteRoot, requested, target);
        var advice = suggestion is null
            ? CheckUrlAdvice
            : $"The site seems to be at {suggestion}: use that as the site URL (Connect-Totara -Url '{suggestion}').";
        return new TotaraRedirectException(
            $"The site answered {what} with a redirect (HTTP {code}) to {target}. Redirects are not followed, so nothing was sent there (no secret, token or request body). {advice}",
            status, target, suggestion);
    }

    private const string CheckUrlAdvice = "Check the site URL: it must be the site's own address (its wwwroot), which answers without a redirect.";

    /// <summary>
    /// The target as shown: scheme, host, port and path. The query and any user info are left
    /// out because they can carry codes or tokens, and are not needed to say where it pointed.
    /// </summary>
    private static Uri? Shown(Uri absolute)
    {
        if (absolute.Scheme != Uri.UriSchemeHttp && absolute.Scheme != Uri.UriSchemeHttps)
            return null;
        return new Uri(absolute.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped));
    }

    /// <summary>
    /// The site URL the redirect implies, when it keeps the host and the endpoint's own path
    /// (e.g. http to https, or the site under a sub-folder), and does not go from https to http.
    /// </summary>
    private static Uri? SuggestedSiteUrl(Uri siteRoot, Uri requested, Uri target)
    {
        if (!string.Equals(target.Host, requested.Host, StringComparison.OrdinalIgnoreCase))
            return null;
        var sameScheme = target.Scheme == requested.Scheme;
        if (!sameScheme && target.Scheme != Uri.UriSchemeHttps)
            return null;
        // Same scheme: the port must stay; a new scheme may only move to its own default port.
        if (sameScheme ? target.Port != requested.Port : !(target.IsDefaultPort && requested.IsDefaultPort))
            return null;

        var endpointPath = requested.AbsolutePath.Substring(siteRoot.AbsolutePath.Length);
        if (!target.AbsolutePath.EndsWith("/" + endpointPath, StringComparison.Ordinal))
            return null;
        var sitePath = target.AbsolutePath.Substring(0, target.AbsolutePath.Length - endpointPath.Length);
        var suggested = new Uri(target.GetLeftPart(UriPartial.Authority) + sitePath);
        return suggested == siteRoot ? null : suggested;
    }
}

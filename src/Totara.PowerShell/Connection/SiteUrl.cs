using System;
using System.Net;

namespace Totara.PowerShell.Connection;

/// <summary>
/// Checks the site URL given to Connect-Totara. Plain http would send the client secret and
/// every bearer token in clear text, so it is refused unless the caller opts in or the site is on
/// this machine (127.0.0.0/8, ::1, localhost), where nothing crosses a network.
/// </summary>
internal static class SiteUrl
{
    /// <summary>Parses <paramref name="text"/>; returns null and a reason when it is not an absolute http(s) URL.</summary>
    public static Uri? TryParse(string text, out string? problem)
    {
        problem = null;
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) ||
            (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problem = $"'{text}' is not an absolute http or https URL. Give the site's base address, e.g. https://learn.example.com.";
            return null;
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            problem = $"'{text}' has a query string or fragment. Give the site's base address, e.g. https://learn.example.com.";
            return null;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            problem = "The URL must not carry a user name or password; use -ClientId/-ClientSecret, -Credential or -AccessToken.";
            return null;
        }

        return uri;
    }

    /// <summary>True when the URL sends credentials unencrypted to another machine.</summary>
    public static bool IsUnencryptedRemote(Uri uri) => uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri);

    /// <summary>True for localhost, 127.0.0.0/8 and ::1.</summary>
    public static bool IsLoopback(Uri uri)
    {
        if (string.Equals(uri.DnsSafeHost, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);
    }
}

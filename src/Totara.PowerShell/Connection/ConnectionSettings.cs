using System;
using System.Collections.Generic;
using System.Management.Automation;
using Totara.PowerShell.Infrastructure;

namespace Totara.PowerShell.Connection;

/// <summary>Checks Connect-Totara's settings before anything is sent; each failure is an error record naming the parameter.</summary>
internal static class ConnectionSettings
{
    /// <summary>Parses the site URL and refuses plain http to another machine unless allowed.</summary>
    public static ErrorRecord? CheckUrl(string text, bool allowUnencrypted, out Uri? url)
    {
        url = SiteUrl.TryParse(text, out var problem);
        if (url is null)
            return TotaraErrors.Create(new ArgumentException($"-Url {problem}"), ErrorIds.InvalidUrl, ErrorCategory.InvalidArgument, text);
        if (SiteUrl.IsUnencryptedRemote(url) && !allowUnencrypted)
        {
            var message = $"-Url '{text}' uses http, which would send the client secret and access tokens unencrypted. " +
                "Use https, or add -AllowUnencryptedAuthentication if you accept that risk (http to localhost, 127.0.0.0/8 and ::1 is always allowed).";
            return TotaraErrors.Create(new ArgumentException(message), ErrorIds.UnencryptedConnection, ErrorCategory.SecurityError, text);
        }

        return null;
    }

    /// <summary>Refuses a zero or negative duration.</summary>
    public static ErrorRecord? CheckPositive(TimeSpan value, string parameterName)
    {
        if (value > TimeSpan.Zero) return null;
        var message = $"-{parameterName} must be longer than zero; got {value}.";
        return TotaraErrors.Create(new ArgumentException(message), ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, value);
    }

    /// <summary>Refuses a PSCredential without a user name (the client id), and a client id given twice (Totara budgets per client).</summary>
    public static ErrorRecord? CheckCredentials(PSCredential[]? credentials)
    {
        if (credentials is null) return null;
        string? message = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var credential in credentials)
        {
            var clientId = ClientIdOf(credential);
            if (clientId.Length == 0)
                message = "-Credential has no user name. Put the API client id in the user name and the client secret in the password.";
            else if (!seen.Add(clientId))
                message = $"-Credential names the API client '{clientId}' more than once. Each API client has one budget; give each client once.";
            if (message is not null) break;
        }
        return message is null ? null : TotaraErrors.Create(new ArgumentException(message), ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, "Credential");
    }

    /// <summary>Refuses proxy settings that cannot work together, as Invoke-RestMethod does.</summary>
    public static ErrorRecord? CheckProxy(Uri? proxy, PSCredential? credential, bool useDefaultCredentials)
    {
        string? message = null;
        if (proxy is not null && (!proxy.IsAbsoluteUri || (proxy.Scheme != Uri.UriSchemeHttp && proxy.Scheme != Uri.UriSchemeHttps)))
            message = $"-Proxy '{proxy}' must be an absolute http:// or https:// address, e.g. http://proxy.example.com:3128.";
        else if (proxy is not null && proxy.UserInfo.Length > 0)
            message = "-Proxy must not carry a user name or password: pass them with -ProxyCredential.";
        else if (credential is not null && useDefaultCredentials)
            message = "-ProxyCredential and -ProxyUseDefaultCredentials cannot be used together: choose one way to sign in to the proxy.";
        else if (credential is not null && proxy is null)
            message = "-ProxyCredential needs -Proxy, the proxy it signs in to.";
        if (message is null) return null;
        return TotaraErrors.Create(new ArgumentException(message), ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, proxy is null ? "Proxy" : proxy.GetLeftPart(UriPartial.Authority));
    }

    /// <summary>The client id from a PSCredential's user name (Get-Credential on Windows may prefix a backslash).</summary>
    public static string ClientIdOf(PSCredential credential) => credential.UserName.TrimStart('\\');
}

using System;
using System.Management.Automation;
using Totara.Client;
using Totara.Client.Transport;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Connection;

/// <summary>Turns Connect-Totara's parameters into the client's options, refusing values no connection can use.</summary>
internal static class ConnectOptions
{
    /// <summary>The options; null with <paramref name="problem"/> set when a parameter is refused.</summary>
    public static TotaraClientOptions? From(ConnectTotaraCommand command, out ErrorRecord? problem)
    {
        problem = ConnectionSettings.CheckUrl(command.Url, command.AllowUnencryptedAuthentication, out var url)
            ?? ConnectionSettings.CheckPositive(command.MaxRetryDuration, nameof(command.MaxRetryDuration))
            ?? ConnectionSettings.CheckPositive(command.RequestTimeout, nameof(command.RequestTimeout))
            ?? ConnectionSettings.CheckCredentials(command.Credential)
            ?? ConnectionSettings.CheckProxy(command.Proxy, command.ProxyCredential, command.ProxyUseDefaultCredentials);
        if (problem is not null) return null;
        return new TotaraClientOptions(url!, Credentials(command))
        {
            ComplexityBudgetPerMinute = command.ComplexityBudget,
            SiteComplexityBudgetPerMinute = command.SiteComplexityBudget,
            MaxComplexity = command.MaxComplexity,
            MaxRetryAttempts = command.MaxRetryCount,
            MaxRetryDuration = command.MaxRetryDuration,
            RequestTimeout = command.RequestTimeout,
            Proxy = command.Proxy is null ? null : new TotaraProxy(command.Proxy, command.ProxyCredential?.GetNetworkCredential()),
            ProxyUseDefaultCredentials = command.ProxyUseDefaultCredentials,
            UserAgent = ModuleUserAgent.Value,
        };
    }

    // The client secret stays a SecureString inside the client until each token request is built;
    // a pre-issued token is sent with every request, so it becomes a string here, once.
    private static TotaraCredential[] Credentials(ConnectTotaraCommand command) => command.ParameterSetName switch
    {
        ConnectTotaraCommand.CredentialSet => Array.ConvertAll(command.Credential!, c => TotaraCredential.FromClientCredentials(ConnectionSettings.ClientIdOf(c), c.Password)),
        ConnectTotaraCommand.AccessTokenSet => new[] { TotaraCredential.FromAccessToken(SecureText.Read(command.AccessToken!)) },
        _ => new[] { TotaraCredential.FromClientCredentials(command.ClientId, command.ClientSecret!) },
    };
}

using System;
using System.Management.Automation;
using System.Security;
using Totara.Client;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Connection;

/// <summary>
/// <para type="synopsis">Connects to a Totara site's external API and makes the session this runspace's default.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Totara", DefaultParameterSetName = ClientSecretSet)]
[OutputType(typeof(TotaraSession))]
public sealed class ConnectTotaraCommand : TotaraCmdlet
{
    internal const string ClientSecretSet = "ClientSecret";
    internal const string CredentialSet = "Credential";
    internal const string AccessTokenSet = "AccessToken";

    /// <summary>The site's base URL, e.g. https://learn.example.com.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Url { get; set; } = string.Empty;

    /// <summary>The API client's id (Site administration > Development > API > Clients).</summary>
    [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
    [ValidateNotNullOrEmpty]
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The API client's secret.</summary>
    [Parameter(Mandatory = true, ParameterSetName = ClientSecretSet)]
    [ValidateNotNull]
    public SecureString? ClientSecret { get; set; }

    /// <summary>
    /// The client id as user name and the client secret as password; several (-Credential $a, $b)
    /// for several API clients of the site, over which bulk work is spread.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
    [CredentialList]
    [ValidateNotNullOrEmpty]
    public PSCredential[]? Credential { get; set; }

    /// <summary>A pre-issued bearer token, used as given (it is not renewed).</summary>
    [Parameter(Mandatory = true, ParameterSetName = AccessTokenSet)]
    [ValidateNotNull]
    public SecureString? AccessToken { get; set; }

    /// <summary>The username of the service account the API client acts as.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ServiceAccount { get; set; }

    /// <summary>Complexity points per minute each API client spends at most.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int ComplexityBudget { get; set; } = 250_000;

    /// <summary>Complexity points per minute all the session's API clients together spend at most (the site's limit; used with several -Credential).</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int SiteComplexityBudget { get; set; } = 500_000;

    /// <summary>The site's maximum query complexity per request.</summary>
    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int MaxComplexity { get; set; } = 6_000;

    /// <summary>How many times a failed request is retried when that is safe.</summary>
    [Parameter]
    [ValidateRange(0, 100)]
    public int MaxRetryCount { get; set; } = 8;

    /// <summary>The longest time spent retrying one request.</summary>
    [Parameter]
    public TimeSpan MaxRetryDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one HTTP request may take.</summary>
    [Parameter]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Allows http:// to a site that is not on this machine (credentials travel unencrypted).</summary>
    [Parameter]
    public SwitchParameter AllowUnencryptedAuthentication { get; set; }

    /// <summary>The HTTP proxy to send through, as Invoke-RestMethod's -Proxy. Without it: HTTPS_PROXY / HTTP_PROXY (with NO_PROXY), else the system's proxy.</summary>
    [Parameter]
    [ValidateNotNull]
    public Uri? Proxy { get; set; }

    /// <summary>The user name and password the proxy asks for (with -Proxy).</summary>
    [Parameter]
    [Credential]
    [ValidateNotNull]
    public PSCredential? ProxyCredential { get; set; }

    /// <summary>Signs in to the proxy as the current user (Windows integrated authentication).</summary>
    [Parameter]
    public SwitchParameter ProxyUseDefaultCredentials { get; set; }

    /// <summary>Returns the session as well as making it the default.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        if (ConnectOptions.From(this, out var problem) is not { } options)
        {
            ThrowTerminatingError(problem!);
            return;
        }
        var client = new TotaraClient(options);
        try
        {
            WriteVerbose($"Connecting to {options.SiteUrl} and reading what the site offers.");
            if (options.Credentials.Count > 1)
            {
                // Every client signs in now, so a wrong secret is found here, not part-way through a bulk run.
                WriteVerbose($"Signing in {options.Credentials.Count} API clients: {string.Join(", ", client.ClientIds)}.");
                Run(client, ct => client.SignInAsync(ct));
            }
            var siteInfo = Run(client, ct => client.HandshakeAsync(ct));
            var session = new TotaraSession(client, siteInfo, ServiceAccount, DateTimeOffset.Now);
            SessionStore.SetDefault(session);
            WriteVerbose($"Connected to {session}: {session.Queries.Count} queries and {session.Mutations.Count} mutations offered.");
            if (PassThru) WriteObject(session);
        }
        catch (Exception ex) when (IsRequestFailure(ex))
        {
            client.Dispose();
            // A refused sign-in is the credential's fault (named by its client id, never its secret); anything else the URL's.
            var target = ex is TotaraAuthenticationException && options.Credential.ClientId is { } clientId ? clientId : (object)options.SiteUrl;
            ThrowRequestError(ex, target);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Totara.Client;

namespace Totara.PowerShell.Session;

/// <summary>
/// A connection to one Totara site: the site URL, who is calling, what the site offers and the
/// limits the client paces itself by. Returned by <c>Connect-Totara -PassThru</c> and
/// <c>Get-TotaraSession</c>; pass it to any cmdlet's <c>-Session</c> to work with several sites.
/// </summary>
/// <remarks>
/// The session never exposes a secret: the client secret or access token lives only inside the
/// wrapped <see cref="TotaraClient"/>, which is thread-safe, so one session can be shared by
/// <c>ForEach-Object -Parallel</c> through <c>$using:</c>. Everything else here is read-only.
/// </remarks>
public sealed class TotaraSession
{
    private int closed;

    internal TotaraSession(TotaraClient client, TotaraSiteInfo siteInfo, string? serviceAccount, DateTimeOffset connectedAt)
    {
        Client = client ?? throw new ArgumentNullException(nameof(client));
        if (siteInfo is null) throw new ArgumentNullException(nameof(siteInfo));
        var options = client.Options;
        Url = options.SiteUrl;
        ClientId = options.Credential.ClientId;
        ClientIds = client.ClientIds;
        AuthenticationMethod = ClientId is null ? TotaraAuthenticationMethod.AccessToken : TotaraAuthenticationMethod.ClientCredentials;
        ServiceAccount = string.IsNullOrWhiteSpace(serviceAccount) ? null : serviceAccount;
        SiteStatus = siteInfo.Status;
        Queries = Sorted(siteInfo.Queries);
        Mutations = Sorted(siteInfo.Mutations);
        ComplexityBudget = options.ComplexityBudgetPerMinute;
        SiteComplexityBudget = options.Credentials.Count > 1 ? options.SiteComplexityBudgetPerMinute : null;
        MaxComplexity = options.MaxComplexity;
        MaxRetryCount = options.MaxRetryAttempts;
        MaxRetryDuration = options.MaxRetryDuration;
        RequestTimeout = options.RequestTimeout;
        ConnectedAt = connectedAt;
    }

    /// <summary>The site's base URL, e.g. https://learn.example.com.</summary>
    public Uri Url { get; }

    /// <summary>The (first) API client id; null when connected with a pre-issued access token.</summary>
    public string? ClientId { get; }

    /// <summary>Every API client id the session spreads its requests over (Connect-Totara -Credential $a, $b); empty for an access token.</summary>
    public IReadOnlyList<string> ClientIds { get; }

    /// <summary>How the session authenticates: client credentials or a pre-issued access token.</summary>
    public TotaraAuthenticationMethod AuthenticationMethod { get; }

    /// <summary>The username of the service account the API client acts as, when given to Connect-Totara.</summary>
    public string? ServiceAccount { get; }

    /// <summary>What <c>totara_webapi_status</c> answered at connect time (normally "ok").</summary>
    public string SiteStatus { get; }

    /// <summary>The query names the site offers to this client, found by the handshake.</summary>
    public IReadOnlyList<string> Queries { get; }

    /// <summary>The mutation names the site offers to this client, found by the handshake.</summary>
    public IReadOnlyList<string> Mutations { get; }

    /// <summary>Complexity points per minute each API client spends at most (the site's client rate limit).</summary>
    public int ComplexityBudget { get; }

    /// <summary>Complexity points per minute all the session's clients together spend at most (the site's rate limit); null with one client.</summary>
    public int? SiteComplexityBudget { get; }

    /// <summary>The most complexity one request may have (the site's max query complexity).</summary>
    public int MaxComplexity { get; }

    /// <summary>How many times a failed request is retried when retrying is safe.</summary>
    public int MaxRetryCount { get; }

    /// <summary>The longest time spent retrying one request.</summary>
    public TimeSpan MaxRetryDuration { get; }

    /// <summary>How long one HTTP request may take before it is abandoned.</summary>
    public TimeSpan RequestTimeout { get; }

    /// <summary>When the handshake succeeded.</summary>
    public DateTimeOffset ConnectedAt { get; }

    /// <summary>GraphQL requests this session has sent so far (retries included).</summary>
    public long Requests => Client.RequestsSent;

    /// <summary>Complexity points this session's requests have cost so far, as the client counted them.</summary>
    public long ComplexityPoints => Client.ComplexityPointsSpent;

    /// <summary>False once <c>Disconnect-Totara</c> has closed the session.</summary>
    public bool IsConnected => Volatile.Read(ref closed) == 0;

    /// <summary>The client every request of this session goes through.</summary>
    internal TotaraClient Client { get; }

    /// <summary>True when the site offers the named query or mutation to this client.</summary>
    public bool Offers(string operation) =>
        Queries.Contains(operation, StringComparer.Ordinal) || Mutations.Contains(operation, StringComparer.Ordinal);

    /// <summary>Closes the session and releases its HTTP resources; returns false if it was already closed.</summary>
    internal bool Close()
    {
        if (Interlocked.Exchange(ref closed, 1) != 0) return false;
        Client.Dispose();
        return true;
    }

    /// <summary>Names the site and the caller; never a secret.</summary>
    public override string ToString() =>
        ClientId is null ? $"{Url} (access token)"
        : ClientIds.Count > 1 ? $"{Url} (clients {string.Join(", ", ClientIds)})"
        : $"{Url} (client {ClientId})";

    private static IReadOnlyList<string> Sorted(IEnumerable<string>? names) =>
        (names ?? Enumerable.Empty<string>()).OrderBy(name => name, StringComparer.Ordinal).ToArray();
}

using System;

namespace Totara.PowerShell.Connection;

/// <summary>What Get-TotaraStatus reports: the site's API status now, and what it offers this client.</summary>
public sealed class TotaraStatus
{
    internal TotaraStatus(Uri url, string status, DateTimeOffset? timestamp, TimeSpan responseTime, int queryCount, int mutationCount, string? serviceAccount)
    {
        Url = url;
        Status = status;
        Timestamp = timestamp;
        ResponseTime = responseTime;
        QueryCount = queryCount;
        MutationCount = mutationCount;
        ServiceAccount = serviceAccount;
    }

    /// <summary>The site's base URL.</summary>
    public Uri Url { get; }

    /// <summary>What <c>totara_webapi_status</c> answered: "ok" when the API works.</summary>
    public string Status { get; }

    /// <summary>The site's clock at the request (null if the site did not say); compare with yours to spot clock drift.</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>How long the status request took, retries included.</summary>
    public TimeSpan ResponseTime { get; }

    /// <summary>How many queries the site offers this client (found when connecting).</summary>
    public int QueryCount { get; }

    /// <summary>How many mutations the site offers this client (found when connecting).</summary>
    public int MutationCount { get; }

    /// <summary>The service account the session acts as, when one was given.</summary>
    public string? ServiceAccount { get; }

    /// <summary>True when the API answered "ok".</summary>
    public bool IsOk => string.Equals(Status, "ok", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() => $"{Url}: {Status}";
}

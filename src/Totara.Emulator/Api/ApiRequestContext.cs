namespace Totara.Emulator.Api;

/// <summary>
/// What a resolver knows about the request it serves: the API client that sent it and the
/// service account user it acts as. Passed to GraphQL.NET as the execution's UserContext.
/// </summary>
public sealed class ApiRequestContext : Dictionary<string, object?>
{
    public ApiRequestContext(ApiClientRecord client)
    {
        Client = client;
    }

    public ApiClientRecord Client { get; }

    /// <summary>
    /// This request's complexity count. A resolver whose cost Totara sets differently from the
    /// default may charge extra points here.
    /// </summary>
    public ComplexityMeter Complexity { get; init; } = new(null);

    /// <summary>The request's rate-limit checks and flushes; null when the request is not metered.</summary>
    internal RequestRateCharge? RateCharge { get; init; }

    /// <summary>Server time each root field spends before it resolves (--resolver-latency-ms).</summary>
    internal TimeSpan ResolverLatency { get; init; }

    /// <summary>The emulator's clock, on which <see cref="ResolverLatency"/> passes.</summary>
    internal TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>True once a root mutation with a non-null result failed: the rest of the request's mutations do not run.</summary>
    public bool MutationFailed { get; set; }

    /// <summary>The id of the user the API client acts as (its service account).</summary>
    public long ServiceUserId => Client.ServiceUserId;
}

/// <summary>An API client registered on the emulated site (Totara's "API Clients" page).</summary>
public sealed record ApiClientRecord(string ClientId, string ClientSecret, long ServiceUserId, bool AllowIntrospection)
{
    // The secret must never reach a log line or a test failure message.
    public override string ToString() => $"ApiClientRecord {{ ClientId = {ClientId}, ServiceUserId = {ServiceUserId} }}";
}

namespace Totara.Benchmarks.Scenarios;

/// <summary>The sizes a run uses: the full benchmark, or small ones for a smoke run (--quick).</summary>
internal sealed record BenchSettings(
    int CreateCount, int PerRecordCount, int LatencyMs,
    int RateLimitedCount, int RateBudget,
    int ListCount,
    int UpdateCount, int ChangedEvery)
{
    /// <summary>Scenario 6: the sizes N planned in-process (N source rows against N site users).</summary>
    public int[] PlanSizes { get; init; } = Array.Empty<int>();

    /// <summary>Scenario 7: changed users a full Invoke-TotaraSync applies, and how many the per-record loop runs on.</summary>
    public int SyncCount { get; init; }
    public int SyncPerRecordCount { get; init; }

    /// <summary>Scenario 8: source rows synced under faults, and the access token's lifetime there.</summary>
    public int ConvergeCount { get; init; }
    public TimeSpan ConvergeTokenLifetime { get; init; }

    /// <summary>Scenario 9: creates that all fail (their usernames exist), against as many that succeed.</summary>
    public int FailCount { get; init; }

    /// <summary>Scenario 10: users created, spread over 1, 2 and 3 API clients.</summary>
    public int SpreadCount { get; init; }
    /// <summary>Scenario 11: users (with a job assignment and an audience each) a delta sync keeps in step.</summary>
    public int DeltaCount { get; init; }

    /// <summary>Server time each root field spends on the emulator (--resolver-latency-ms; 0 by default).</summary>
    public int ResolverLatencyMs { get; init; }

    public static BenchSettings Full { get; } = new(
        CreateCount: 10_000, PerRecordCount: 500, LatencyMs: 20,
        RateLimitedCount: 4_000, RateBudget: 30_000,
        ListCount: 100_000,
        UpdateCount: 10_000, ChangedEvery: 10)
    {
        PlanSizes = new[] { 10_000, 50_000, 100_000 },
        SyncCount = 10_000, SyncPerRecordCount = 500,
        ConvergeCount = 2_000, ConvergeTokenLifetime = TimeSpan.FromSeconds(60),
        FailCount = 400,
        SpreadCount = 100_000,
        DeltaCount = 100_000,
    };

    public static BenchSettings Quick { get; } = new(
        CreateCount: 500, PerRecordCount: 50, LatencyMs: 20,
        RateLimitedCount: 600, RateBudget: 6_000,
        ListCount: 5_000,
        UpdateCount: 1_000, ChangedEvery: 10)
    {
        PlanSizes = new[] { 2_000, 10_000, 20_000 },
        SyncCount = 500, SyncPerRecordCount = 50,
        ConvergeCount = 200, ConvergeTokenLifetime = TimeSpan.FromSeconds(5),
        FailCount = 100,
        SpreadCount = 2_000,
        DeltaCount = 2_000,
    };
}

namespace Totara.Benchmarks.Scenarios;

/// <summary>The sizes a run uses: the full benchmark, or small ones for a smoke run (--quick).</summary>
internal sealed record BenchSettings(
    int CreateCount, int PerRecordCount, int LatencyMs,
    int RateLimitedCount, int RateBudget,
    int ListCount,
    int UpdateCount, int ChangedEvery)
{
    public static BenchSettings Full { get; } = new(
        CreateCount: 10_000, PerRecordCount: 500, LatencyMs: 20,
        RateLimitedCount: 4_000, RateBudget: 30_000,
        ListCount: 100_000,
        UpdateCount: 10_000, ChangedEvery: 10);

    public static BenchSettings Quick { get; } = new(
        CreateCount: 500, PerRecordCount: 50, LatencyMs: 20,
        RateLimitedCount: 600, RateBudget: 6_000,
        ListCount: 5_000,
        UpdateCount: 1_000, ChangedEvery: 10);
}

namespace Totara.Emulator;

/// <summary>
/// One of Totara's rate-limit windows as the emulator kept it (for benchmarks and tests):
/// when it started, the points flushed into it, and the highest rate
/// (round(prev × (60 − elapsed) / 60) + current) it reached after a flush.
/// </summary>
public sealed record RateWindowFigure(DateTimeOffset Start, long Points, long PeakRate);

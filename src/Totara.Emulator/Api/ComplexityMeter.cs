namespace Totara.Emulator.Api;

/// <summary>
/// The running complexity of one request, counted while it executes as Totara counts it. Once
/// the total passes the maximum, the field that crossed it and every field after it fail with
/// Totara's <c>query_complexity</c> error; fields resolved before stay resolved.
/// </summary>
public sealed class ComplexityMeter
{
    private readonly int? _maximum;
    private long _total;
    private int _exceeded;

    public ComplexityMeter(int? maximum)
    {
        _maximum = maximum;
    }

    /// <summary>Points counted so far, including those of fields that failed on the limit.</summary>
    public long Total => Interlocked.Read(ref _total);

    public bool Exceeded => Volatile.Read(ref _exceeded) != 0;

    /// <summary>Adds a field's cost; throws when the request is (or already was) over the maximum.</summary>
    public void Charge(int points)
    {
        var total = Interlocked.Add(ref _total, points);
        if (_maximum is { } maximum && (Exceeded || total > maximum))
        {
            Volatile.Write(ref _exceeded, 1);
            throw new TotaraApiException(
                $"Query complexity exceeded maximum allowed complexity of {maximum}.",
                ErrorCategories.QueryComplexity);
        }
    }
}

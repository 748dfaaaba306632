namespace Totara.Emulator.Hosting;

/// <summary>
/// Points spent over the last 60 seconds, kept in 60 one-second buckets so memory and time per
/// call stay constant however many requests arrive. A bucket older than the window is cleared
/// the next time its slot comes round.
/// </summary>
internal sealed class SlidingWindowMeter
{
    private const int Buckets = 60;
    private readonly long[] _points = new long[Buckets];
    private readonly long[] _second = new long[Buckets];
    private readonly object _gate = new();

    /// <summary>Points spent in the 60 seconds up to <paramref name="now"/>.</summary>
    public long SpentInWindow(DateTimeOffset now)
    {
        var current = now.ToUnixTimeSeconds();
        long total = 0;
        lock (_gate)
        {
            for (var i = 0; i < Buckets; i++)
            {
                if (current - _second[i] < Buckets)
                {
                    total += _points[i];
                }
            }
        }

        return total;
    }

    public void Add(DateTimeOffset now, long points)
    {
        var current = now.ToUnixTimeSeconds();
        var slot = (int)(((current % Buckets) + Buckets) % Buckets);
        lock (_gate)
        {
            if (_second[slot] != current)
            {
                _second[slot] = current;
                _points[slot] = 0;
            }

            _points[slot] += points;
        }
    }
}

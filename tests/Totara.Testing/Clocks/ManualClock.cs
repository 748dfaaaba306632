namespace Totara.Testing;

/// <summary>
/// A clock that moves only when a test moves it: token expiry, rate windows, timemodified and a
/// sync state's read times without sleeping. Its timers are real ones (TimeProvider's own): use
/// <see cref="VirtualClock"/> when something waits on the clock.
/// </summary>
public class ManualClock : TimeProvider
{
    /// <summary>Where every test clock starts, so times in failures read the same in every suite.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private long _ticks = Start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

namespace Totara.Emulator.Tests.TestSupport;

/// <summary>
/// A clock that moves only when a test moves it or when something waits on it: a wait of N ms
/// moves it N ms and ends at once. Server time spent in resolvers then passes without sleeping.
/// </summary>
public sealed class AdvancingClock : TimeProvider
{
    private long _ticks = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new FiringTimer(this, callback, state, dueTime);

    private sealed class FiringTimer : ITimer
    {
        private readonly AdvancingClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private int _disposed;

        public FiringTimer(AdvancingClock clock, TimerCallback callback, object? state, TimeSpan dueTime)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
            Change(dueTime, Timeout.InfiniteTimeSpan);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan || Volatile.Read(ref _disposed) != 0) return true;
            _clock.Advance(dueTime);
            // Fire on the pool: the creator may not have stored the timer yet.
            ThreadPool.QueueUserWorkItem(_ =>
            {
                if (Volatile.Read(ref _disposed) == 0) _callback(_state);
            });
            return true;
        }

        public void Dispose() => Interlocked.Exchange(ref _disposed, 1);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}

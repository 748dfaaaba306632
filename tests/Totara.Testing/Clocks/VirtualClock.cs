namespace Totara.Testing;

/// <summary>
/// A <see cref="ManualClock"/> that also moves when someone waits on it: a timer for N seconds
/// moves the clock N seconds and fires at once. Shared by the emulator and the client, minutes of
/// pacing, resolver latency and token lifetime pass in milliseconds, consistently on both sides.
/// </summary>
public sealed class VirtualClock : ManualClock
{
    private long _waitedTicks;

    /// <summary>Total virtual time that timers (waits) have moved the clock.</summary>
    public TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref _waitedTicks));

    // Timestamps follow the virtual time too: the client measures token lifetime and its
    // complexity window with GetTimestamp/GetElapsedTime.
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FiringTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Wait(TimeSpan dueTime)
    {
        Interlocked.Add(ref _waitedTicks, dueTime.Ticks);
        Advance(dueTime);
    }

    /// <summary>Fires once per Change, at once, after moving the clock by the due time.</summary>
    private sealed class FiringTimer : ITimer
    {
        private readonly VirtualClock _clock;
        private readonly TimerCallback _callback;
        private readonly object? _state;
        private int _disposed;

        public FiringTimer(VirtualClock clock, TimerCallback callback, object? state)
        {
            _clock = clock;
            _callback = callback;
            _state = state;
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime == Timeout.InfiniteTimeSpan || Volatile.Read(ref _disposed) != 0)
                return true;
            _clock.Wait(dueTime);
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

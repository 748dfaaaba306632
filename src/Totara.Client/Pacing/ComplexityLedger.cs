using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Totara.Client.Pacing;

/// <summary>
/// The client's own sliding 60 s record of complexity points spent. Before a request is sent,
/// <see cref="ReserveAsync"/> waits until the points of the last window plus this request's
/// estimate fit the budget, then books them; so a long bulk run stays under Totara's rate limit
/// instead of discovering it through 429s.
/// </summary>
internal sealed class ComplexityLedger
{
    // A little longer than Totara's 60 s: our entry is booked before the site books its own.
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(61);

    private readonly int _budget;
    private readonly Queue<Entry> _entries = new();
    private readonly TimeProvider _clock;
    private readonly long _start;
    private readonly object _gate = new();
    private long _spent;

    public ComplexityLedger(int budgetPerMinute, TimeProvider clock, double margin = 0.05)
    {
        _clock = clock;
        _start = clock.GetTimestamp();
        _budget = Math.Max(1, (int)(budgetPerMinute * (1 - margin)));
    }

    public int Budget => _budget;

    /// <summary>Points booked in the current window (for diagnostics and tests).</summary>
    public long SpentInWindow
    {
        get
        {
            lock (_gate)
            {
                Purge();
                return _spent;
            }
        }
    }

    /// <summary>Waits (cancellably) until <paramref name="points"/> fit, then books them.</summary>
    public async Task<Entry> ReserveAsync(int points, CancellationToken ct)
    {
        points = Math.Max(0, points);
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                Purge();
                // A request larger than the whole budget still goes, alone, once the window is empty.
                if (_spent + points <= _budget || _entries.Count == 0)
                {
                    var entry = new Entry(this, Now, points);
                    _entries.Enqueue(entry);
                    _spent += points;
                    return entry;
                }
                wait = TimeUntilRoomFor(points);
            }
            await _clock.Delay(wait, ct).ConfigureAwait(false);
        }
    }

    private TimeSpan Now => _clock.GetElapsedTime(_start);

    private TimeSpan TimeUntilRoomFor(int points)
    {
        var now = Now;
        var needed = _spent + points - _budget;
        var freed = 0L;
        foreach (var entry in _entries)
        {
            freed += entry.Points;
            if (freed >= needed)
                return Clamp(entry.BookedAt + Window - now);
        }
        return TimeSpan.FromMilliseconds(50);
    }

    private static TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.FromMilliseconds(10) ? TimeSpan.FromMilliseconds(10) : wait;

    private void Purge()
    {
        var now = Now;
        while (_entries.Count > 0 && now - _entries.Peek().BookedAt >= Window)
            _spent -= _entries.Dequeue().Points;
    }

    /// <summary>A booking; corrected once the real cost is known from the answer.</summary>
    internal sealed class Entry
    {
        private readonly ComplexityLedger _ledger;

        public Entry(ComplexityLedger ledger, TimeSpan bookedAt, int points)
        {
            _ledger = ledger;
            BookedAt = bookedAt;
            Points = points;
        }

        public TimeSpan BookedAt { get; }

        public int Points { get; private set; }

        public void Correct(int actualPoints)
        {
            lock (_ledger._gate)
            {
                if (_ledger.Now - BookedAt >= Window) return;
                _ledger._spent += actualPoints - Points;
                Points = actualPoints;
            }
        }
    }
}

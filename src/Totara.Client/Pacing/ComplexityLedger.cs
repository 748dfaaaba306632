using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Totara.Client.Pacing;

/// <summary>
/// The client's own record of complexity points spent, modelling Totara's sliding 60 s window.
/// Before a request is sent, <see cref="ReserveAsync"/> waits until the points of the window plus
/// this request's estimate fit the budget, then books them; so a long bulk run spends the budget
/// right up to the limit without ever being refused with a 429.
/// </summary>
/// <remarks>
/// The model is exact rather than padded: the site charges a request while it executes, which is
/// before its answer arrives and after it was sent. So a booking counts from the moment it is made
/// (in flight, it never expires) and, once settled, leaves the window 60 s after its answer arrived
/// — never earlier than the site's own charge leaves the site's window. The sum booked never passes
/// the budget, so the site, which refuses a request only when its window already holds the budget,
/// always lets the next request in.
/// </remarks>
internal sealed class ComplexityLedger
{
    /// <summary>Totara's rate-limit window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    private readonly int _budget;
    private readonly List<Entry> _entries = new();
    private readonly TimeProvider _clock;
    private readonly long _start;
    private readonly object _gate = new();
    private TaskCompletionSource<bool> _settled = NewSignal();
    private long _spent;

    /// <param name="budgetPerMinute">Points the client may spend in any 60 s window.</param>
    /// <param name="clock">The clock (a fake one in tests).</param>
    /// <param name="margin">A share of the budget to keep unspent (0: spend all of it).</param>
    public ComplexityLedger(int budgetPerMinute, TimeProvider clock, double margin = 0)
    {
        _clock = clock;
        _start = clock.GetTimestamp();
        _budget = Math.Max(1, (int)(budgetPerMinute * (1 - margin)));
    }

    public int Budget => _budget;

    /// <summary>Points booked in the current window, in flight included (for diagnostics and tests).</summary>
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

    /// <summary>Waits (cancellably) until <paramref name="points"/> fit, then books them; settle the entry when the answer arrives.</summary>
    public async Task<Entry> ReserveAsync(int points, CancellationToken ct)
    {
        points = Math.Max(0, points);
        while (true)
        {
            TimeSpan? wait;
            Task settled;
            lock (_gate)
            {
                Purge();
                // A request larger than the whole budget still goes, alone, once the window is empty.
                if (_spent + points <= _budget || _entries.Count == 0)
                {
                    var entry = new Entry(this, points);
                    _entries.Add(entry);
                    _spent += points;
                    return entry;
                }
                wait = TimeUntilRoomFor(points);
                settled = _settled.Task;
            }
            await WaitAsync(wait, settled, ct).ConfigureAwait(false);
        }
    }

    private TimeSpan Now => _clock.GetElapsedTime(_start);

    /// <summary>
    /// Until enough settled points leave the window for <paramref name="points"/> to fit; null when
    /// points still in flight must settle first (their answer starts their 60 s).
    /// </summary>
    private TimeSpan? TimeUntilRoomFor(int points)
    {
        var settled = _entries.FindAll(e => e.SettledAt is not null);
        settled.Sort((a, b) => a.SettledAt!.Value.CompareTo(b.SettledAt!.Value));
        var needed = _spent + points - _budget;
        var freed = 0L;
        foreach (var entry in settled)
        {
            freed += entry.Points;
            if (freed >= needed)
                return entry.SettledAt!.Value + Window - Now;
        }
        return null;
    }

    /// <summary>Waits until room is expected or a booking in flight settles, whichever comes first.</summary>
    private async Task WaitAsync(TimeSpan? wait, Task settled, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var waits = new List<Task> { settled, Task.Delay(Timeout.Infinite, stop.Token) };
        if (wait is { } delay)
            waits.Add(_clock.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, stop.Token));
        await Task.WhenAny(waits).ConfigureAwait(false);
        stop.Cancel();
        ct.ThrowIfCancellationRequested();
    }

    private void Purge()
    {
        var now = Now;
        _entries.RemoveAll(entry =>
        {
            if (entry.SettledAt is not { } settledAt || now - settledAt < Window) return false;
            _spent -= entry.Points;
            return true;
        });
    }

    private void OnSettled()
    {
        var signal = _settled;
        _settled = NewSignal();
        signal.TrySetResult(true);
    }

    private static TaskCompletionSource<bool> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A booking: in flight until <see cref="Settle"/>, then in the window for 60 s more.</summary>
    internal sealed class Entry
    {
        private readonly ComplexityLedger _ledger;

        public Entry(ComplexityLedger ledger, int points)
        {
            _ledger = ledger;
            Points = points;
        }

        public int Points { get; private set; }

        /// <summary>When the answer arrived (null while in flight).</summary>
        public TimeSpan? SettledAt { get; private set; }

        /// <summary>
        /// The answer arrived (or the attempt ended without one): the booking's 60 s start now, with
        /// <paramref name="actualPoints"/> when the answer shows what was spent, else the estimate.
        /// </summary>
        public void Settle(int? actualPoints = null)
        {
            lock (_ledger._gate)
            {
                if (SettledAt is not null) return;
                if (actualPoints is { } actual)
                {
                    actual = Math.Max(0, actual);
                    _ledger._spent += actual - Points;
                    Points = actual;
                }
                SettledAt = _ledger.Now;
                _ledger.OnSettled();
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Totara.Client.Pacing;

/// <summary>
/// The client's own model of Totara's rate-limit window (totara_api\traits\rate_limit_trait), so
/// that it never draws a 429. Before a request is sent, <see cref="ReserveAsync"/> waits until the
/// rate plus the request's estimate stays under the budget, then books it.
/// </summary>
/// <remarks>
/// Totara keeps two counters: rate = round(prev × (60 − elapsed) / 60) + current, in whole
/// seconds. A window starts at the first request after the previous one ended (more than 60 s
/// after it started), and the current counter, however old, becomes prev. Every root field is
/// checked for room for one point before it runs, against the points flushed so far.
/// The model errs only on the safe side where the client cannot see the site's timing:
/// a request counts in full from when it is booked; a window is taken to start as late as it
/// can have (the answer of the request that started it), with one whole second more for the
/// site's seconds being cut differently; it may have ended from 60 s after its earliest start,
/// and a booking whose answer came after that might be in the next window, so it stays in the
/// current counter rather than fading as prev. The booked rate never passes budget − 1, so
/// every root-field check passes and, after any idle spell, the stale total still leaves room
/// for the one-field request that starts the next window (<see cref="IWindowOpener"/>).
/// </remarks>
internal sealed class ComplexityLedger
{
    public const int WindowSeconds = 60;

    /// <summary>The earliest a window can end, after its earliest start (more than 60 whole seconds).</summary>
    private static readonly TimeSpan MayEndAfter = TimeSpan.FromSeconds(WindowSeconds);

    /// <summary>After its latest start, a window has surely ended for a request sent this late (61 whole seconds, plus one for the cut of seconds).</summary>
    private static readonly TimeSpan SurelyEndedAfter = TimeSpan.FromSeconds(WindowSeconds + 2);

    private readonly int _budget;
    private readonly TimeProvider _clock;
    private readonly IWindowOpener? _opener;
    private readonly long _start;
    private readonly object _gate = new();
    private readonly List<Entry> _current = new();
    private TaskCompletionSource<bool> _settled = NewSignal();
    private long _previous;
    private SiteWindow? _window;
    private TimeSpan? _nextEarliestStart;
    private Entry? _rotator;
    private bool _opening;
    private long _requestsSettled;
    private long _pointsSettled;

    /// <param name="budgetPerMinute">The site's limit for this client (points per window).</param>
    /// <param name="clock">The clock (a virtual one in tests).</param>
    /// <param name="opener">Sends the request that starts a window when nothing else can (null: wait only).</param>
    /// <param name="margin">A share of the budget to keep unspent (0: spend all of it).</param>
    public ComplexityLedger(int budgetPerMinute, TimeProvider clock, IWindowOpener? opener = null, double margin = 0)
    {
        _clock = clock;
        _opener = opener;
        _start = clock.GetTimestamp();
        _budget = Math.Max(2, (int)(budgetPerMinute * (1 - margin)));
    }

    public int Budget => _budget;

    /// <summary>Requests settled since the ledger was made (every attempt that was booked, window openers included).</summary>
    public long RequestsSettled
    {
        get
        {
            lock (_gate) return _requestsSettled;
        }
    }

    /// <summary>
    /// Points those requests cost, as the client counted them: what each answer showed was spent, else
    /// the estimate (a lost answer may still have been charged).
    /// </summary>
    public long PointsSettled
    {
        get
        {
            lock (_gate) return _pointsSettled;
        }
    }

    /// <summary>The rate the site may see now, by the model, in-flight bookings included (for diagnostics and tests).</summary>
    public long SpentInWindow
    {
        get
        {
            lock (_gate) return Rate(Now);
        }
    }

    /// <summary>Waits (cancellably) until <paramref name="points"/> fit, then books them; settle the entry when the answer arrives.</summary>
    public async Task<Entry> ReserveAsync(int points, CancellationToken ct)
    {
        points = Math.Max(0, points);
        while (true)
        {
            TimeSpan? wait = null;
            Task settled;
            var open = false;
            lock (_gate)
            {
                var now = Now;
                var rate = Rate(now);
                // Booked rate stays at most budget − 1: each check asks for room for one point.
                // A request larger than the whole budget still goes, alone, once the rate is 0.
                if (rate + points <= _budget - 1 || (rate == 0 && InFlight == 0))
                    return Book(points, now);
                wait = UntilFadedFor(points, now);
                if (wait is null && _window?.LatestStart is { } latest && now < latest + SurelyEndedAfter)
                    wait = latest + SurelyEndedAfter - now;
                else if (wait is null && _opener is not null && !_opening && _rotator is null && InFlight == 0)
                    open = _opening = true;
                settled = _settled.Task;
            }

            if (open)
            {
                try
                {
                    await _opener!.OpenAsync(this, ct).ConfigureAwait(false);
                }
                finally
                {
                    lock (_gate) _opening = false;
                }
                continue;
            }
            await WaitAsync(wait, settled, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Books the window opener's one-field request without waiting: it is checked once, before it
    /// spends, against a rate the model keeps under the budget.
    /// </summary>
    public Entry BookWindowOpening(int points)
    {
        lock (_gate) return Book(Math.Max(0, points), Now);
    }

    private TimeSpan Now => _clock.GetElapsedTime(_start);

    private int InFlight => _current.Count(e => e.SettledAt is null);

    private long Rate(TimeSpan now)
    {
        if (_window is null) return 0;
        var previous = _previous;
        if (_window.LatestStart is { } latest)
        {
            var elapsed = Elapsed(latest, now);
            previous = Faded(_previous, elapsed);
        }
        return previous + _current.Sum(e => (long)e.Points);
    }

    /// <summary>Whole seconds the site has surely counted since <paramref name="start"/> (one fewer for the cut of its seconds).</summary>
    private static int Elapsed(TimeSpan start, TimeSpan now) =>
        (int)Math.Max(0, Math.Min(WindowSeconds, Math.Floor((now - start).TotalSeconds) - 1));

    /// <summary>rate_limit_trait: round(prev × (60 − elapsed) / 60), PHP's round (halves away from zero).</summary>
    private static long Faded(long previous, int elapsed) =>
        (long)Math.Round(previous * ((WindowSeconds - elapsed) / (double)WindowSeconds), MidpointRounding.AwayFromZero);

    /// <summary>Until prev has faded enough for <paramref name="points"/>; null when fading alone cannot make room.</summary>
    private TimeSpan? UntilFadedFor(int points, TimeSpan now)
    {
        if (_window?.LatestStart is not { } latest) return null;
        var current = _current.Sum(e => (long)e.Points);
        for (var elapsed = Elapsed(latest, now) + 1; elapsed <= WindowSeconds; elapsed++)
        {
            if (Faded(_previous, elapsed) + current + points <= _budget - 1)
                return latest + TimeSpan.FromSeconds(elapsed + 1) - now;
        }
        return null;
    }

    private Entry Book(int points, TimeSpan now)
    {
        var entry = new Entry(this, points, now);
        if (_window is null)
        {
            // The first request starts the client's first window (model::instance(..., time())).
            _window = new SiteWindow(now, entry);
        }
        else
        {
            if (_window.LatestStart is null && _window.Starter is null) _window.Starter = entry;
            var mayHaveEnded = _window.EarliestStart + MayEndAfter;
            if (_nextEarliestStart is null && now >= mayHaveEnded)
                _nextEarliestStart = _current.Any(e => e.BookedAt < mayHaveEnded && (e.SettledAt is null || e.SettledAt > mayHaveEnded))
                    ? mayHaveEnded
                    : now;
            if (_rotator is null && _window.LatestStart is { } latest && now >= latest + SurelyEndedAfter) _rotator = entry;
        }
        _current.Add(entry);
        return entry;
    }

    private void OnSettled(Entry entry, bool siteAnswered)
    {
        var window = _window!;
        if (ReferenceEquals(entry, window.Starter))
        {
            window.Starter = null;
            if (siteAnswered) window.LatestStart = entry.SettledAt;
        }
        if (ReferenceEquals(entry, _rotator))
        {
            _rotator = null;
            if (siteAnswered) Rotate(entry.SettledAt!.Value);
        }
        var signal = _settled;
        _settled = NewSignal();
        signal.TrySetResult(true);
    }

    /// <summary>
    /// rate_limit_trait::rotate_values, as seen from the client once a request sent after the
    /// window surely ended was answered: what was settled before the new window can have started
    /// becomes prev; the rest, which may have been flushed into the new window, stays current.
    /// </summary>
    private void Rotate(TimeSpan answeredAt)
    {
        var start = _nextEarliestStart!.Value;
        var previous = _current.Where(e => e.SettledAt < start).ToList();
        _previous = previous.Sum(e => (long)e.Points);
        foreach (var entry in previous) _current.Remove(entry);
        _window = new SiteWindow(start, starter: null, latestStart: answeredAt);
        _nextEarliestStart = null;
    }

    /// <summary>Waits until room is expected or a booking settles, whichever comes first.</summary>
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

    private static TaskCompletionSource<bool> NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A booking: counted in full from when it is made; its answer tells the model about the site's window.</summary>
    internal sealed class Entry
    {
        private readonly ComplexityLedger _ledger;

        public Entry(ComplexityLedger ledger, int points, TimeSpan bookedAt)
        {
            _ledger = ledger;
            Points = points;
            BookedAt = bookedAt;
        }

        public int Points { get; private set; }

        public TimeSpan BookedAt { get; }

        /// <summary>When the answer arrived or the attempt ended (null while in flight).</summary>
        public TimeSpan? SettledAt { get; private set; }

        /// <summary>
        /// The attempt ended: with <paramref name="actualPoints"/> when the answer shows what was
        /// spent (else the estimate stands), and <paramref name="siteAnswered"/> when the site ran
        /// at least one root-field check (data came back, or a 429), so its window has moved if due.
        /// </summary>
        public void Settle(int? actualPoints = null, bool siteAnswered = false)
        {
            lock (_ledger._gate)
            {
                if (SettledAt is not null) return;
                if (actualPoints is { } actual) Points = Math.Max(0, actual);
                SettledAt = _ledger.Now;
                _ledger._requestsSettled++;
                _ledger._pointsSettled += Points;
                _ledger.OnSettled(this, siteAnswered);
            }
        }
    }
}

using System;

namespace Totara.Client.Batching;

/// <summary>
/// How many batches a caller keeps in flight together (the batching cmdlets, the sync's apply).
/// Two overlap the caller's work with the site's when the site answers quickly. A real site spends
/// tens of milliseconds on each record (PHP and the database), so a batch of hundreds takes seconds,
/// and two in flight would leave most of the complexity budget unspent while they wait: one more
/// batch may go for each second a batch took to come back, up to <see cref="Most"/>. The client's
/// pacer still holds all of them together to the budget, so more in flight never means a 429.
/// </summary>
public sealed class InFlightLimit
{
    /// <summary>Batches in flight when the site answers within a second.</summary>
    public const int Least = 2;

    /// <summary>Batches in flight at most, however slow the site.</summary>
    public const int Most = 8;

    /// <summary>How many batches may be in flight now.</summary>
    public int Current { get; private set; } = Least;

    /// <summary>Takes the round trip of the batch just answered into account.</summary>
    public void Observe(TimeSpan roundTrip) =>
        Current = Math.Max(Least, Math.Min(Most, (int)Math.Ceiling(roundTrip.TotalSeconds) + 1));
}

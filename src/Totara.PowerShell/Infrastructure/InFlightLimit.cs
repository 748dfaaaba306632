using System;

namespace Totara.PowerShell.Infrastructure;

/// <summary>
/// How many batches a batching cmdlet keeps in flight. Two overlap PowerShell's work with the
/// site's when the site answers quickly. A real site spends tens of milliseconds on each record
/// (PHP and the database), so a batch of hundreds takes seconds, and two in flight would leave
/// most of the complexity budget unspent while they wait: one more batch may go for each second
/// a batch took to come back, up to <see cref="Most"/>. The client's pacer still holds all of
/// them together to the budget, so more in flight never means a 429.
/// </summary>
internal sealed class InFlightLimit
{
    public const int Least = 2;
    public const int Most = 8;

    public int Current { get; private set; } = Least;

    /// <summary>Takes the round trip of the batch just answered into account.</summary>
    public void Observe(TimeSpan roundTrip) =>
        Current = Math.Max(Least, Math.Min(Most, (int)Math.Ceiling(roundTrip.TotalSeconds) + 1));
}

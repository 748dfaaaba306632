using System;
using Totara.Client.Pacing;

namespace Totara.Client.Transport;

/// <summary>
/// What one request books against the complexity budget: its estimate while it is in flight,
/// then, once the answer arrives, what the answer shows the site charged.
/// </summary>
internal class RequestCharge
{
    public RequestCharge(bool isMutation, int estimate, int rootFields = 1)
    {
        IsMutation = isMutation;
        Estimate = estimate;
        RootFields = rootFields;
    }

    public bool IsMutation { get; }

    /// <summary>Root fields in the request: Totara checks its rate limit before each one.</summary>
    public int RootFields { get; }

    /// <summary>
    /// Whether a 429 proves nothing was applied, so the request may simply go again: a query, or
    /// a mutation with one root field (refused at its only check, before it ran). A 429 to a
    /// longer mutation may have cut it off after some root fields were committed.
    /// </summary>
    public bool ResendableAfterRateLimit => !IsMutation || RootFields <= 1;

    /// <summary>Points booked before sending.</summary>
    public int Estimate { get; }

    /// <summary>The points the site charged for <paramref name="answer"/>; null when the answer does not show it (the estimate stands).</summary>
    public virtual int? ChargedFor(RawAnswer answer)
    {
        if (answer.Data is not { } data)
            return null;
        var measured = ResponseCost.Measure(data, IsMutation);
        // When the site stopped part-way (an error came with the data), it may have charged for
        // fields that are not in the answer: keep the estimate then.
        return answer.Errors.Count > 0 ? Math.Max(measured, Estimate) : measured;
    }
}

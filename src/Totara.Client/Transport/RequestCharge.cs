using System;
using Totara.Client.Pacing;

namespace Totara.Client.Transport;

/// <summary>
/// What one request books against the complexity budget: its estimate while it is in flight,
/// then, once the answer arrives, what the answer shows the site charged.
/// </summary>
internal class RequestCharge
{
    public RequestCharge(bool isMutation, int estimate)
    {
        IsMutation = isMutation;
        Estimate = estimate;
    }

    public bool IsMutation { get; }

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

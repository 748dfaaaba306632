using Totara.Client.Pacing;

namespace Totara.Client.Transport;

/// <summary>One attempt's bookings: in its client's window and, with several clients, in the site's.</summary>
internal sealed class LaneBooking
{
    private readonly ComplexityLedger.Entry _own;
    private readonly ComplexityLedger.Entry? _site;

    public LaneBooking(ClientLane lane, ComplexityLedger.Entry own, ComplexityLedger.Entry? site)
    {
        Lane = lane;
        _own = own;
        _site = site;
    }

    /// <summary>The client the attempt goes through.</summary>
    public ClientLane Lane { get; }

    /// <summary>The attempt ended; see <see cref="ComplexityLedger.Entry.Settle"/>.</summary>
    public void Settle(int? actualPoints = null, bool siteAnswered = false)
    {
        _own.Settle(actualPoints, siteAnswered);
        _site?.Settle(actualPoints, siteAnswered);
    }

    /// <summary>
    /// A 429: the client's record is checked first, so its window has moved if one was due; the
    /// site's record may not have been checked at all, so the site's model learns nothing from it.
    /// </summary>
    public void SettleRateLimited()
    {
        _own.Settle(siteAnswered: true);
        _site?.Settle();
    }
}

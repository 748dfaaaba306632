using System;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Pacing;

namespace Totara.Client.Transport;

/// <summary>
/// Starts the site's next rate-limit window with <c>totara_webapi_status</c>: one root field,
/// 6 points (5 for the query, 1 for <c>status</c>), on every Totara site. Sent once, outside the
/// retry pipeline: a failure goes to the waiting request, whose own retries apply. It counts for
/// the client that sends it and, with several clients, for the site, whichever window asked.
/// </summary>
internal sealed class StatusQueryWindowOpener : IWindowOpener
{
    public const int Cost = 6;

    private static readonly GraphQLRequest Request = new("query totara_client_open_window { totara_webapi_status { status } }", null, "totara_client_open_window");

    private readonly Func<ClientLane> _lane;
    private readonly Func<ComplexityLedger?> _site;

    /// <param name="lane">The client that sends it (asked when it is needed).</param>
    /// <param name="site">The site's pacer shared by several clients (null with one client).</param>
    public StatusQueryWindowOpener(Func<ClientLane> lane, Func<ComplexityLedger?> site)
    {
        _lane = lane;
        _site = site;
    }

    public async Task OpenAsync(ComplexityLedger ledger, CancellationToken ct)
    {
        var lane = _lane();
        var booking = new LaneBooking(lane, lane.Ledger.BookWindowOpening(Cost), _site()?.BookWindowOpening(Cost));
        try
        {
            using var answer = await lane.Connection.SendAsync(Request, isMutation: false, ct).ConfigureAwait(false);
            booking.Settle(Cost, SiteAnswer.RanRootField(answer));
        }
        catch (TotaraRateLimitException)
        {
            // The refusal came from a root-field check, which rotates a window that was due.
            booking.SettleRateLimited();
        }
        catch
        {
            booking.Settle();
            throw;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Pacing;

namespace Totara.Client.Transport;

/// <summary>
/// The API clients a session spreads its requests over, and the site's pacer they share. Each
/// attempt goes to the client with the most room in its own window, and waits for room there and
/// then in the site's window: Totara checks the client's record, then the site's
/// (totara_oauth2\webapi\middleware\client_rate_limit, then global_rate_limit). With one client
/// there is no site pacer, and everything is as before.
/// </summary>
internal sealed class ClientLanes
{
    private readonly IReadOnlyList<ClientLane> _lanes;
    private int _next;

    public ClientLanes(IReadOnlyList<ClientLane> lanes, ComplexityLedger? site)
    {
        if (lanes.Count == 0) throw new ArgumentException("At least one API client is needed.", nameof(lanes));
        _lanes = lanes;
        Site = site;
    }

    public IReadOnlyList<ClientLane> All => _lanes;

    /// <summary>The site's window, shared by every client (null with one client).</summary>
    public ComplexityLedger? Site { get; }

    /// <summary>Points booked in the window: the site's across all clients, or the one client's.</summary>
    /// <summary>Requests every client's ledger has settled (each attempt books in exactly one client's).</summary>
    public long RequestsSettled => _lanes.Sum(l => l.Ledger.RequestsSettled);

    /// <summary>Points every client's ledger has settled.</summary>
    public long PointsSettled => _lanes.Sum(l => l.Ledger.PointsSettled);

    public long SpentInWindow => Site?.SpentInWindow ?? _lanes[0].Ledger.SpentInWindow;

    /// <summary>Waits until <paramref name="points"/> fit in the chosen client's window and in the site's, then books both.</summary>
    public async Task<LaneBooking> ReserveAsync(int points, CancellationToken ct)
    {
        var lane = Choose();
        var own = await lane.Ledger.ReserveAsync(points, ct).ConfigureAwait(false);
        if (Site is null) return new LaneBooking(lane, own, null);
        try
        {
            return new LaneBooking(lane, own, await Site.ReserveAsync(points, ct).ConfigureAwait(false));
        }
        catch
        {
            // Never sent: nothing was spent on this client.
            own.Settle(actualPoints: 0);
            throw;
        }
    }

    /// <summary>
    /// The client whose window has the most room now; on a tie, the next in turn, so equal
    /// clients take turns and each window fills at the same pace.
    /// </summary>
    public ClientLane Choose()
    {
        if (_lanes.Count == 1) return _lanes[0];
        var start = (int)((uint)Interlocked.Increment(ref _next) % (uint)_lanes.Count);
        ClientLane? best = null;
        long bestRoom = long.MinValue;
        for (var i = 0; i < _lanes.Count; i++)
        {
            var lane = _lanes[(start + i) % _lanes.Count];
            var room = lane.Ledger.Budget - lane.Ledger.SpentInWindow;
            if (room > bestRoom)
            {
                best = lane;
                bestRoom = room;
            }
        }
        return best!;
    }
}

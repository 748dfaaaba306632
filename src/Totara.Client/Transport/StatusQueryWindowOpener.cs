using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Pacing;

namespace Totara.Client.Transport;

/// <summary>
/// Starts the site's next rate-limit window with <c>totara_webapi_status</c>: one root field,
/// 6 points (5 for the query, 1 for <c>status</c>), on every Totara site. Sent once, outside the
/// retry pipeline: a failure goes to the waiting request, whose own retries apply.
/// </summary>
internal sealed class StatusQueryWindowOpener : IWindowOpener
{
    public const int Cost = 6;

    private static readonly GraphQLRequest Request = new("query totara_client_open_window { totara_webapi_status { status } }", null, "totara_client_open_window");

    private readonly GraphQLConnection _connection;

    public StatusQueryWindowOpener(GraphQLConnection connection)
    {
        _connection = connection;
    }

    public async Task OpenAsync(ComplexityLedger ledger, CancellationToken ct)
    {
        var booking = ledger.BookWindowOpening(Cost);
        try
        {
            using var answer = await _connection.SendAsync(Request, isMutation: false, ct).ConfigureAwait(false);
            booking.Settle(Cost, SiteAnswer.RanRootField(answer));
        }
        catch (TotaraRateLimitException)
        {
            // The refusal came from a root-field check, which rotates a window that was due.
            booking.Settle(Cost, siteAnswered: true);
        }
        catch
        {
            booking.Settle();
            throw;
        }
    }
}

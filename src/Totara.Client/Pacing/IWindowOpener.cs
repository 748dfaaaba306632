using System.Threading;
using System.Threading.Tasks;

namespace Totara.Client.Pacing;

/// <summary>
/// Starts the site's next rate-limit window with the cheapest request there is. Totara rotates a
/// window only when a request arrives, so after an idle spell the old window's points count in
/// full until something is sent; a request of one root field is checked once, before it spends
/// anything, so it gets in where a batch would be cut off.
/// </summary>
internal interface IWindowOpener
{
    /// <summary>Sends the request, booked through <see cref="ComplexityLedger.BookWindowOpening"/>.</summary>
    Task OpenAsync(ComplexityLedger ledger, CancellationToken ct);
}

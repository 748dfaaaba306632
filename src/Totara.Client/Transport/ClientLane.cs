using System;
using Totara.Client.Auth;
using Totara.Client.Pacing;

namespace Totara.Client.Transport;

/// <summary>
/// One API client's own way to the site: its tokens (renewed for it alone), its connection and
/// its pacer on its own budget. Totara keeps a rate-limit record per client
/// (totara_api\model\client_rate_limit), so each client's window is modelled on its own.
/// </summary>
internal sealed class ClientLane
{
    /// <param name="clientId">The API client id; null for a pre-issued access token.</param>
    /// <param name="tokens">This client's tokens, renewed for it alone.</param>
    /// <param name="connection">The connection that sends this client's requests with its tokens.</param>
    /// <param name="budgetPerMinute">This client's own rate limit, points per window.</param>
    /// <param name="clock">The clock behind the pacer's window.</param>
    /// <param name="site">The site's pacer shared by all the session's clients (null with one client).</param>
    public ClientLane(string? clientId, AccessTokenSource tokens, GraphQLConnection connection, int budgetPerMinute, TimeProvider clock, ComplexityLedger? site)
    {
        ClientId = clientId;
        Tokens = tokens;
        Connection = connection;
        Ledger = new ComplexityLedger(budgetPerMinute, clock, new StatusQueryWindowOpener(() => this, () => site));
    }

    /// <summary>The API client id; null for a pre-issued access token.</summary>
    public string? ClientId { get; }

    public AccessTokenSource Tokens { get; }

    public GraphQLConnection Connection { get; }

    /// <summary>This client's own window (its budget, not the site's).</summary>
    public ComplexityLedger Ledger { get; }

    public override string ToString() => ClientId is null ? "API client (pre-issued token)" : $"API client {ClientId}";
}

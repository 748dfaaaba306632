using System.Threading;
using System.Threading.Tasks;

namespace Totara.Client.Auth;

/// <summary>Hands out the bearer token for API requests, and renews it when it can.</summary>
internal abstract class AccessTokenSource
{
    /// <summary>False for a pre-issued token: a 401 is then final.</summary>
    public abstract bool CanRenew { get; }

    public abstract Task<string> GetAsync(CancellationToken ct);

    /// <summary>
    /// Called after the API refused <paramref name="rejected"/>. Renews once however many
    /// callers report the same token at once; returns the token to retry with.
    /// </summary>
    public abstract Task<string> RenewAsync(string rejected, CancellationToken ct);
}

/// <summary>A pre-issued access token, used as given.</summary>
internal sealed class FixedTokenSource : AccessTokenSource
{
    private readonly string _token;

    public FixedTokenSource(string token) => _token = token;

    public override bool CanRenew => false;

    public override Task<string> GetAsync(CancellationToken ct) => Task.FromResult(_token);

    public override Task<string> RenewAsync(string rejected, CancellationToken ct) => Task.FromResult(_token);

    public override string ToString() => "Pre-issued access token";
}

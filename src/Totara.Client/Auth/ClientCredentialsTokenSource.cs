using System;
using System.Threading;
using System.Threading.Tasks;

namespace Totara.Client.Auth;

/// <summary>
/// Requests tokens with the client credentials grant and renews them a margin before
/// <c>expires_in</c> runs out, or when the API refuses one. Only one renewal is ever in flight:
/// callers queue on a semaphore and re-check, so N threads that find the token stale cause a
/// single token request.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "Its SemaphoreSlim is never waited on through AvailableWaitHandle, so it holds no handle to release.")]
internal sealed class ClientCredentialsTokenSource : AccessTokenSource
{
    private readonly TokenEndpoint _endpoint;
    private readonly TimeSpan _renewalMargin;
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private readonly TimeProvider _clock;
    private readonly long _start;
    private volatile IssuedToken? _current;

    public ClientCredentialsTokenSource(TokenEndpoint endpoint, TimeSpan renewalMargin, TimeProvider clock)
    {
        _clock = clock;
        _start = clock.GetTimestamp();
        _endpoint = endpoint;
        _renewalMargin = renewalMargin;
    }

    public override bool CanRenew => true;

    public override async Task<string> GetAsync(CancellationToken ct)
    {
        var token = _current;
        if (token is not null && !IsDue(token))
            return token.Value;
        return await RenewIfStillAsync(t => t is null || IsDue(t), ct).ConfigureAwait(false);
    }

    public override Task<string> RenewAsync(string rejected, CancellationToken ct) =>
        RenewIfStillAsync(t => t is null || IsDue(t) || string.Equals(t.Value, rejected, StringComparison.Ordinal), ct);

    private async Task<string> RenewIfStillAsync(Func<IssuedToken?, bool> needsRenewal, CancellationToken ct)
    {
        await _renewal.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // Double-check: another caller may have renewed while this one waited.
            var token = _current;
            if (token is not null && !needsRenewal(token))
                return token.Value;

            var issued = await _endpoint.RequestAsync(ct).ConfigureAwait(false);
            var margin = TimeSpan.FromTicks(Math.Min(_renewalMargin.Ticks, issued.ExpiresIn.Ticks / 4));
            _current = new IssuedToken(issued.AccessToken, _clock.GetElapsedTime(_start) + issued.ExpiresIn - margin);
            return issued.AccessToken;
        }
        finally
        {
            _renewal.Release();
        }
    }

    private bool IsDue(IssuedToken token) => _clock.GetElapsedTime(_start) >= token.RenewAt;

    public override string ToString() => "Client credentials token source";

    private sealed class IssuedToken
    {
        public IssuedToken(string value, TimeSpan renewAt)
        {
            Value = value;
            RenewAt = renewAt;
        }

        public string Value { get; }

        public TimeSpan RenewAt { get; }

        public override string ToString() => "Access token (hidden)";
    }
}

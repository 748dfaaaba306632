using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Totara.Emulator.Api;

/// <summary>
/// The site's API clients and the access tokens issued to them. Tokens are random opaque
/// strings; a token is valid until its own expiry time or until all tokens are expired at once.
/// </summary>
public sealed class ClientRegistry
{
    private readonly ConcurrentDictionary<string, ApiClientRecord> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _issuedTo = new(StringComparer.Ordinal);
    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);
    private readonly EmulatorSwitches _switches;
    private readonly TimeProvider _clock;

    internal ClientRegistry(EmulatorSwitches switches, TimeProvider clock)
    {
        _switches = switches;
        _clock = clock;
    }

    private readonly ConcurrentDictionary<string, IReadOnlyList<System.Net.IPNetwork>> _allowedNetworks = new(StringComparer.Ordinal);

    public void Add(ApiClientRecord client) => _clients[client.ClientId] = client;

    /// <summary>Limits the client to requests from these networks (an empty list lifts the limit).</summary>
    public void RestrictAddresses(string clientId, IReadOnlyList<System.Net.IPNetwork> networks)
    {
        if (networks.Count == 0)
        {
            _allowedNetworks.TryRemove(clientId, out _);
        }
        else
        {
            _allowedNetworks[clientId] = networks;
        }
    }

    /// <summary>Whether the client may call from this address: any address unless its allow list says otherwise.</summary>
    public bool IsAddressAllowed(ApiClientRecord client, System.Net.IPAddress? address)
    {
        if (!_allowedNetworks.TryGetValue(client.ClientId, out var networks))
        {
            return true;
        }

        var plain = address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
        return plain is not null && networks.Any(n => n.Contains(plain));
    }

    public ApiClientRecord? Find(string clientId) => _clients.TryGetValue(clientId, out var client) ? client : null;

    /// <summary>The client whose id and secret both match, or null (compared in constant time).</summary>
    public ApiClientRecord? Authenticate(string clientId, string clientSecret)
    {
        var client = Find(clientId);
        if (client is null)
        {
            return null;
        }

        var expected = Encoding.UTF8.GetBytes(client.ClientSecret);
        var given = Encoding.UTF8.GetBytes(clientSecret);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? client : null;
    }

    /// <summary>A new access token for the client, valid for the current token lifetime.</summary>
    public (string Token, TimeSpan Lifetime) Issue(ApiClientRecord client)
    {
        var lifetime = _switches.TokenLifetime;
        var now = _clock.GetUtcNow();
        var token = JwtAccessToken.Create(client.ClientId, now, now + lifetime, _signingKey);
        _tokens[token] = new IssuedToken(client, now + lifetime, _switches.TokenEpoch);
        _issuedTo.AddOrUpdate(client.ClientId, 1, (_, n) => n + 1);
        PruneExpired();
        return (token, lifetime);
    }

    /// <summary>Tokens issued to one client since start (each client renews its own).</summary>
    public long TokensIssuedTo(string clientId) => _issuedTo.TryGetValue(clientId, out var count) ? count : 0;

    /// <summary>The client a valid token belongs to; null for unknown, expired or revoked tokens.</summary>
    public ApiClientRecord? Validate(string token)
    {
        if (!_tokens.TryGetValue(token, out var issued))
        {
            return null;
        }

        if (issued.Epoch != _switches.TokenEpoch || _clock.GetUtcNow() >= issued.ExpiresAt)
        {
            _tokens.TryRemove(token, out _);
            return null;
        }

        return issued.Client;
    }

    // Keeps the token table from growing without bound when a client asks for many tokens.
    private void PruneExpired()
    {
        if (_tokens.Count < 10_000)
        {
            return;
        }

        var now = _clock.GetUtcNow();
        var epoch = _switches.TokenEpoch;
        foreach (var pair in _tokens)
        {
            if (pair.Value.Epoch != epoch || now >= pair.Value.ExpiresAt)
            {
                _tokens.TryRemove(pair.Key, out _);
            }
        }
    }

    private sealed record IssuedToken(ApiClientRecord Client, DateTimeOffset ExpiresAt, long Epoch)
    {
        public override string ToString() => $"IssuedToken {{ ClientId = {Client.ClientId}, ExpiresAt = {ExpiresAt:O} }}";
    }
}

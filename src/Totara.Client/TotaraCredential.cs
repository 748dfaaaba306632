using System;
using System.Security;
using Totara.Client.Auth;

namespace Totara.Client;

/// <summary>
/// How the client proves who it is: an API client's id and secret (tokens are requested and
/// renewed as needed) or a pre-issued access token used as given. The secret is kept protected
/// (<see cref="ProtectedSecret"/>) and never shown by <see cref="object.ToString"/>.
/// </summary>
public abstract class TotaraCredential
{
    private protected TotaraCredential()
    {
    }

    /// <summary>The API client id; null for a pre-issued access token.</summary>
    public abstract string? ClientId { get; }

    /// <summary>An API client's id and secret; the secret is copied into protected memory at once.</summary>
    /// <param name="clientId">The API client's id as the site shows it.</param>
    /// <param name="clientSecret">The API client's secret.</param>
    /// <exception cref="ArgumentException"><paramref name="clientId"/> is empty or white space, or <paramref name="clientSecret"/> is empty.</exception>
    public static TotaraCredential FromClientCredentials(string clientId, string clientSecret)
    {
        if (string.IsNullOrWhiteSpace(clientId))
            throw new ArgumentException("The client id is empty.", nameof(clientId));
        if (string.IsNullOrEmpty(clientSecret))
            throw new ArgumentException("The client secret is empty.", nameof(clientSecret));
        return new ClientCredentials(clientId, ProtectedSecret.From(clientSecret));
    }

    /// <summary>The secret stays a SecureString (a read-only copy) until each token request is built.</summary>
    public static TotaraCredential FromClientCredentials(string clientId, SecureString clientSecret)
    {
        if (string.IsNullOrWhiteSpace(clientId))
            throw new ArgumentException("The client id is empty.", nameof(clientId));
        if (clientSecret is null || clientSecret.Length == 0)
            throw new ArgumentException("The client secret is empty.", nameof(clientSecret));
        return new ClientCredentials(clientId, ProtectedSecret.From(clientSecret));
    }

    /// <summary>A token issued beforehand, sent as it is and never renewed: once it expires, requests fail with <see cref="TotaraAuthenticationException"/>.</summary>
    /// <param name="accessToken">The bearer token.</param>
    /// <exception cref="ArgumentException"><paramref name="accessToken"/> is empty or white space.</exception>
    public static TotaraCredential FromAccessToken(string accessToken)
    {
        if (string.IsNullOrWhiteSpace(accessToken))
            throw new ArgumentException("The access token is empty.", nameof(accessToken));
        return new AccessTokenCredential(accessToken);
    }

    internal sealed class ClientCredentials : TotaraCredential
    {
        internal ClientCredentials(string clientId, ProtectedSecret clientSecret)
        {
            ClientId = clientId;
            Secret = clientSecret;
        }

        public override string ClientId { get; }

        internal ProtectedSecret Secret { get; }

        public override string ToString() => $"Client credentials (client id {ClientId})";
    }

    internal sealed class AccessTokenCredential : TotaraCredential
    {
        internal AccessTokenCredential(string accessToken) => Token = accessToken;

        public override string? ClientId => null;

        internal string Token { get; }

        public override string ToString() => "Pre-issued access token";
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Totara.Emulator.Api;

/// <summary>
/// An access token shaped as league/oauth2-server's (Totara's token endpoint) are: a JWT whose
/// claims are aud (the client id), jti, iat, nbf, exp, sub and scopes. League signs with the
/// site's RSA key (RS256); the emulator signs with a random per-site HMAC key, since no client
/// may check the signature anyway: to a client the token is opaque.
/// </summary>
internal static class JwtAccessToken
{
    public static string Create(string clientId, DateTimeOffset now, DateTimeOffset expiry, byte[] key)
    {
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { typ = "JWT", alg = "HS256" }));
        var claims = Encode(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["aud"] = clientId,
            ["jti"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(40)),
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = expiry.ToUnixTimeSeconds(),
            ["sub"] = "",
            ["scopes"] = Array.Empty<string>(),
        }));
        var signature = Encode(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(header + "." + claims)));
        return header + "." + claims + "." + signature;
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

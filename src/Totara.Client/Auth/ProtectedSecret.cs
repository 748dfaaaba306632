using System.Security;

namespace Totara.Client.Auth;

/// <summary>
/// The client secret, kept as a read-only <see cref="SecureString"/> for the session's life and
/// turned into text only while a token request is built. On Windows a SecureString is encrypted
/// in memory; on Linux and macOS .NET keeps it in unmanaged memory, unencrypted. The text a token
/// request needs is an ordinary .NET string: it cannot be cleared, and lives until it is collected.
/// </summary>
internal sealed class ProtectedSecret
{
    private readonly SecureString _secret;

    private ProtectedSecret(SecureString secret) => _secret = secret;

    public static ProtectedSecret From(SecureString secret)
    {
        var copy = secret.Copy();
        copy.MakeReadOnly();
        return new ProtectedSecret(copy);
    }

    public static ProtectedSecret From(string secret) => new(SecureText.Protect(secret));

    /// <summary>The secret as text (see <see cref="SecureText.Read"/>).</summary>
    public string Reveal() => SecureText.Read(_secret);

    /// <summary>Never the secret.</summary>
    public override string ToString() => "(protected secret)";
}

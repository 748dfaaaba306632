using System.Security;

namespace Totara.Testing;

public static class SecureStrings
{
    /// <summary>A read-only SecureString of <paramref name="text"/>, made in the test process to pass into a runspace.</summary>
    public static SecureString From(string text)
    {
        var secure = new SecureString();
        foreach (char character in text) secure.AppendChar(character);
        secure.MakeReadOnly();
        return secure;
    }
}

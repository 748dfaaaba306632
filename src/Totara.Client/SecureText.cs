using System;
using System.Runtime.InteropServices;
using System.Security;

namespace Totara.Client;

/// <summary>
/// Between SecureString and text, for secrets: read through an unmanaged buffer that is zeroed
/// straight after; made read-only. Works the same on .NET Framework (Windows PowerShell 5.1) and .NET.
/// </summary>
public static class SecureText
{
    /// <summary>The text a SecureString holds, read through an unmanaged buffer that is zeroed straight after.</summary>
    /// <param name="value">The secret.</param>
    /// <returns>The secret as a string; empty when the secret is empty.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static string Read(SecureString value)
    {
        if (value is null) throw new ArgumentNullException(nameof(value));
        var buffer = IntPtr.Zero;
        try
        {
            buffer = Marshal.SecureStringToGlobalAllocUnicode(value);
            return Marshal.PtrToStringUni(buffer) ?? string.Empty;
        }
        finally
        {
            if (buffer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(buffer);
        }
    }

    /// <summary>A read-only SecureString holding <paramref name="text"/>.</summary>
    public static SecureString Protect(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var secure = new SecureString();
        foreach (char c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }
}

using System;
using System.Runtime.InteropServices;
using System.Security;

namespace Totara.PowerShell;

/// <summary>
/// Reads a <see cref="SecureString"/> at the last moment, through an unmanaged buffer that is
/// zeroed straight after. Works the same on .NET Framework (Windows PowerShell 5.1) and .NET.
/// </summary>
internal static class SecureStringReader
{
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
}

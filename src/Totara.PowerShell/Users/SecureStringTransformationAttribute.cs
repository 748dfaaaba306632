using System;
using System.Management.Automation;
using Totara.Client;

namespace Totara.PowerShell.Users;

/// <summary>
/// Lets a password arrive as text from a piped record (Import-Csv's password column, as HR Import
/// files carry it) as well as a SecureString typed at the prompt. Without it, binding a string to
/// a SecureString parameter fails and PowerShell drops the whole record.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not string text) return value;
        return text.Length == 0 ? null : SecureText.Protect(text);
    }
}

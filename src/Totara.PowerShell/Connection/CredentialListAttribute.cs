using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace Totara.PowerShell.Connection;

/// <summary>
/// [Credential] for a PSCredential[] parameter: PowerShell's own attribute handles one value only
/// and fails on a list (-Credential $a, $b). Each element goes through it, so a PSCredential
/// passes as it is and a bare user name still prompts for its password, as with one credential.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class CredentialListAttribute : ArgumentTransformationAttribute
{
    private static readonly CredentialAttribute One = new();

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is null || value is string || value is PSCredential || value is not IEnumerable list)
            return One.Transform(engineIntrinsics, inputData);

        var credentials = new List<object?>();
        foreach (var item in list)
            credentials.Add(item is null ? null : One.Transform(engineIntrinsics, item));
        return credentials.ToArray();
    }
}

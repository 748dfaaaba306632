using System.Management.Automation;

namespace Totara.PowerShell.Tests.Cmdlets;

/// <summary>
/// Reads properties of module objects through PowerShell's adapter, so the tests need no
/// compile-time reference to the module assembly (which PowerShell loads from out/).
/// </summary>
internal static class PSObjectValues
{
    public static T Value<T>(this PSObject item, string property)
    {
        var member = item.Properties[property] ?? throw new Xunit.Sdk.XunitException($"{item.BaseObject.GetType().Name} has no property '{property}'.");
        return (T)member.Value!;
    }
}

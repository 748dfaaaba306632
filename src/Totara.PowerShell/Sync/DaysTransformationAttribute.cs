using System;
using System.Management.Automation;

namespace Totara.PowerShell.Sync;

/// <summary>
/// Reads a plain number given to a TimeSpan parameter as days (<c>-FullAfter 3</c>), where
/// PowerShell itself would take it as ticks (a tenth of a microsecond each) and so mean "always".
/// Text and TimeSpan values pass through (<c>'12:00:00'</c>, <c>(New-TimeSpan -Hours 12)</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class DaysTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            int days => TimeSpan.FromDays(days),
            long days => TimeSpan.FromDays(days),
            double days => TimeSpan.FromDays(days),
            decimal days => TimeSpan.FromDays((double)days),
            _ => inputData,
        };
    }
}

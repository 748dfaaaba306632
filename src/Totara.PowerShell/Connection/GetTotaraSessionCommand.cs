using System.Management.Automation;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Connection;

/// <summary>
/// <para type="synopsis">Gets the runspace's default Totara session.</para>
/// </summary>
/// <remarks>
/// Returns nothing, without an error, when the runspace is not connected — so
/// <c>if (-not (Get-TotaraSession)) { Connect-Totara … }</c> reads naturally.
/// </remarks>
[Cmdlet(VerbsCommon.Get, "TotaraSession")]
[OutputType(typeof(TotaraSession))]
public sealed class GetTotaraSessionCommand : TotaraCmdlet
{
    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var session = SessionStore.GetDefault();
        if (session is null)
        {
            WriteVerbose("There is no default Totara session in this runspace. Run Connect-Totara.");
            return;
        }

        WriteObject(session);
    }
}

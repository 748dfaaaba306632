using System.Management.Automation;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Connection;

/// <summary>
/// <para type="synopsis">Closes a Totara session and, if it is the runspace's default, clears the default.</para>
/// </summary>
/// <remarks>
/// Without -Session it closes the default session; with no default it does nothing, so a
/// runbook's <c>finally { Disconnect-Totara }</c> never fails because Connect-Totara did.
/// </remarks>
[Cmdlet(VerbsCommunications.Disconnect, "Totara", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(void))]
public sealed class DisconnectTotaraCommand : TotaraCmdlet
{
    /// <summary>The session to close; defaults to the runspace's default session.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public TotaraSession? Session { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var session = Session ?? SessionStore.GetDefault();
        if (session is null)
        {
            WriteVerbose("There is no default Totara session in this runspace: nothing to disconnect.");
            return;
        }

        if (!ShouldProcess(session.ToString(), "Disconnect")) return;
        if (SessionStore.ClearDefault(session)) WriteVerbose($"{session.Url} is no longer this runspace's default session.");
        if (session.Close()) WriteVerbose($"Disconnected from {session}.");
    }
}

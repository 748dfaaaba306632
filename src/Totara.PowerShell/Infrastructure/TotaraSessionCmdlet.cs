using System.Management.Automation;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Infrastructure;

/// <summary>
/// Base of every cmdlet that talks to a site: takes <c>-Session</c> or falls back to the
/// runspace's default session, and fails clearly when there is neither.
/// </summary>
public abstract class TotaraSessionCmdlet : TotaraCmdlet
{
    /// <summary>
    /// The session to use (from <c>Connect-Totara -PassThru</c> or <c>Get-TotaraSession</c>).
    /// Defaults to the session Connect-Totara last made in this runspace.
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public TotaraSession? Session { get; set; }

    /// <inheritdoc />
    protected sealed override void ProcessRecord() => ProcessRecord(ResolveSession(Session));

    /// <summary>Processes one input record with the resolved, open session.</summary>
    protected abstract void ProcessRecord(TotaraSession session);

    /// <summary>The -Session given or the runspace default; stops the command when there is none or it is closed.</summary>
    private protected TotaraSession ResolveSession() => ResolveSession(Session);
}

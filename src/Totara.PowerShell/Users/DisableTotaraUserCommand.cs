using System.Management.Automation;

namespace Totara.PowerShell.Users;

/// <summary>
/// <para type="synopsis">Suspends Totara users (they can no longer log in).</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Disable, "TotaraUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(TotaraUser))]
public sealed class DisableTotaraUserCommand : UserSuspensionCmdlet
{
    /// <inheritdoc />
    protected override bool Suspend => true;

    /// <inheritdoc />
    protected override string Activity => "Suspending Totara users";

    /// <inheritdoc />
    protected override string Action => "Suspend Totara user";
}

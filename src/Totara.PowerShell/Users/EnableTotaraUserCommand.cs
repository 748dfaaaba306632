using System.Management.Automation;

namespace Totara.PowerShell.Users;

/// <summary>
/// <para type="synopsis">Unsuspends (re-enables) suspended Totara users.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Enable, "TotaraUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(TotaraUser))]
public sealed class EnableTotaraUserCommand : UserSuspensionCmdlet
{
    /// <inheritdoc />
    protected override bool Suspend => false;

    /// <inheritdoc />
    protected override string Activity => "Unsuspending Totara users";

    /// <inheritdoc />
    protected override string Action => "Unsuspend Totara user";
}

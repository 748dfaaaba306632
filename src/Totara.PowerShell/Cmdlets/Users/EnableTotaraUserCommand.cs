using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client;
using Totara.Client.Users;

namespace Totara.PowerShell.Cmdlets;

/// <summary>
/// <para type="synopsis">Unsuspends (re-enables) suspended Totara users.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Enable, "TotaraUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(TotaraUser))]
public sealed class EnableTotaraUserCommand : UserBatchCmdlet
{
    /// <summary>The user(s): id, username, idnumber, email, a TotaraUser or a record naming one.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [UserIdentityTransformation]
    [ValidateNotNullOrEmpty]
    public UserIdentity[] Identity { get; set; } = System.Array.Empty<UserIdentity>();

    /// <summary>Writes the users to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override string Activity => "Unsuspending Totara users";

    /// <inheritdoc />
    protected override string Action => "Unsuspend Totara user";

    /// <inheritdoc />
    protected override bool WritesUser => PassThru.IsPresent;

    /// <inheritdoc />
    protected override IEnumerable<UserRecord> ReadRecords(TotaraSession session)
    {
        foreach (var identity in Identity)
            yield return NewRecord(identity, UserChange.Suspension(false));
    }

    private protected override BatchOperation BuildOperation(UsersClient users, UserRecord record, UserReference? target) =>
        users.SetSuspended(target!, false, ResultFields, tag: record);
}

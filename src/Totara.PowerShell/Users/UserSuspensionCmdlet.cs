using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client;
using Totara.Client.Users;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Users;

/// <summary>
/// Base of Disable-TotaraUser and Enable-TotaraUser: the same identities in, the same update of
/// <c>suspended</c> out; the two differ only in the value set and the words shown.
/// </summary>
public abstract class UserSuspensionCmdlet : UserBatchCmdlet
{
    /// <summary>The user(s): id, username, idnumber, email, a TotaraUser or a record naming one.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [UserIdentityTransformation]
    [ValidateNotNullOrEmpty]
    public UserIdentity[] Identity { get; set; } = System.Array.Empty<UserIdentity>();

    /// <summary>Writes the users to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>True to suspend the users, false to unsuspend them.</summary>
    protected abstract bool Suspend { get; }

    /// <inheritdoc />
    protected override bool WritesUser => PassThru.IsPresent;

    /// <inheritdoc />
    protected override IEnumerable<UserRecord> ReadRecords(TotaraSession session)
    {
        foreach (var identity in Identity)
            yield return NewRecord(identity, UserChange.Suspension(Suspend));
    }

    private protected override BatchOperation BuildOperation(UsersClient users, UserRecord record, UserReference? target) =>
        users.SetSuspended(target!, Suspend, ResultFields, tag: record);
}

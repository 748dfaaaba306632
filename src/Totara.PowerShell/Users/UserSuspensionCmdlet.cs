using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Users;

/// <summary>
/// Base of Disable-TotaraUser and Enable-TotaraUser: the same identities in, the same update of
/// <c>suspended</c> out; the two differ only in the value set and the words shown.
/// </summary>
public abstract class UserSuspensionCmdlet : BatchingCmdlet<UserRecord>
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

    private UserSender? _sender;

    private protected override RecordSender<UserRecord> Sender => _sender ??= new UserSender(
        (users, record, target) => users.SetSuspended(target!, Suspend, UserSender.AnswerFields(PassThru.IsPresent), tag: record), PassThru.IsPresent);

    /// <inheritdoc />
    protected override IEnumerable<UserRecord> ReadRecords(TotaraSession session)
    {
        foreach (var identity in Identity)
            yield return UserRecord.For(NextRecordNumber(), identity, UserChange.Suspension(Suspend));
    }
}

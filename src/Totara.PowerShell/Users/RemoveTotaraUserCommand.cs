using System.Collections.Generic;
using System.Management.Automation;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Users;

/// <summary>
/// <para type="synopsis">Deletes Totara users.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "TotaraUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveTotaraUserCommand : BatchingCmdlet<UserRecord>
{
    /// <summary>The user(s) to delete: id, username, idnumber, email, a TotaraUser or a record naming one.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [UserIdentityTransformation]
    [ValidateNotNullOrEmpty]
    public UserIdentity[] Identity { get; set; } = System.Array.Empty<UserIdentity>();

    /// <inheritdoc />
    protected override string Activity => "Deleting Totara users";

    /// <inheritdoc />
    protected override string Action => "Delete Totara user";

    private protected override RecordSender<UserRecord> Sender { get; } =
        new UserSender((users, record, target) => users.Delete(target!, tag: record), writesUser: false);

    /// <inheritdoc />
    protected override IEnumerable<UserRecord> ReadRecords(TotaraSession session)
    {
        foreach (var identity in Identity)
            yield return UserRecord.For(NextRecordNumber(), identity, null);
    }
}

using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Users;

/// <summary>
/// <para type="synopsis">Changes Totara users' profile fields, sending only the fields given.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "TotaraUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(TotaraUser))]
public sealed class SetTotaraUserCommand : UserProfileCmdlet
{
    /// <summary>The user(s) to change: id, username, idnumber, email, a TotaraUser or a record naming one.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [UserIdentityTransformation]
    [ValidateNotNullOrEmpty]
    public UserIdentity[] Identity { get; set; } = System.Array.Empty<UserIdentity>();

    /// <summary>A new username (renames the user).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NewUsername { get; set; }

    /// <summary>Writes the changed users to the pipeline.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override string Activity => "Changing Totara users";

    /// <inheritdoc />
    protected override string Action => "Change Totara user";

    private UserSender? _sender;

    private protected override RecordSender<UserRecord> Sender => _sender ??= new UserSender(
        (users, record, target) => users.Update(target!, record.Change!, UserSender.AnswerFields(PassThru.IsPresent), tag: record), PassThru.IsPresent);

    /// <inheritdoc />
    protected override IEnumerable<UserRecord> ReadRecords(TotaraSession session)
    {
        foreach (var identity in Identity)
        {
            // A piped TotaraUser names the user; its other properties are what the site has already.
            var change = BuildChange(usePipeline: !identity.IsTotaraUser);
            if (NewUsername is not null) change.Set("username", NewUsername);
            var record = UserRecord.For(NextRecordNumber(), identity, change);
            var (problems, field) = UserSender.Refusal(UserInputRules.CheckUpdate(change));
            if (RefuseInvalid(record, problems, field)) continue;
            yield return record;
        }
    }
}

using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Users;

/// <summary>
/// <para type="synopsis">Creates Totara users, one or many: pipe CSV rows or Get-ADUser objects in.</para>
/// </summary>
[Cmdlet(VerbsCommon.New, "TotaraUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(TotaraUser))]
public sealed class NewTotaraUserCommand : UserProfileCmdlet
{
    /// <summary>The new user's username (lower-cased, as Totara stores usernames).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("SamAccountName")]
    [ValidateNotNullOrEmpty]
    public string Username { get; set; } = string.Empty;

    /// <summary>Creates the user suspended.</summary>
    [Parameter]
    public SwitchParameter Suspended { get; set; }

    /// <summary>The piped record (bound whole, so errors can point at it).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override string Activity => "Creating Totara users";

    /// <inheritdoc />
    protected override string Action => "Create Totara user";

    // A create asks back only id and username, so more fit in one request than updates do.
    private protected override RecordSender<UserRecord> Sender { get; } =
        new UserSender((users, record, _) => users.Create(record.Change!, tag: record), writesUser: true, sizedFor: UserFieldSet.CreateAnswer);

    /// <inheritdoc />
    protected override IEnumerable<UserRecord> ReadRecords(TotaraSession session)
    {
        var change = BuildChange(usePipeline: true).Set("username", Username);
        if (Suspended.IsPresent) change.SetFlag("suspended", Suspended.ToBool());
        var record = new UserRecord(NextRecordNumber(), InputObject, change.Username ?? Username, null, change);
        var (problems, field) = UserSender.Refusal(UserInputRules.CheckCreate(change));
        if (RefuseInvalid(record, problems, field)) yield break;
        yield return record;
    }
}

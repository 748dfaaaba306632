using System;
using System.Management.Automation;
using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Users;

/// <summary>
/// <para type="synopsis">Gets Totara users: one by identity, or every user, streamed page by page.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "TotaraUser", DefaultParameterSetName = ListSet, SupportsPaging = true)]
[OutputType(typeof(TotaraUser))]
public sealed class GetTotaraUserCommand : TotaraSessionCmdlet
{
    private const string ListSet = "List";
    private const string IdentitySet = "Identity";

    /// <summary>The user(s) to get: id, username, idnumber, email, a TotaraUser or a record naming one.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdentitySet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [UserIdentityTransformation]
    [ValidateNotNullOrEmpty]
    public UserIdentity[] Identity { get; set; } = Array.Empty<UserIdentity>();

    /// <summary>Which users to list: Active (default), Suspended or All. Deleted users are never listed.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public TotaraUserStatus Status { get; set; } = TotaraUserStatus.Active;

    /// <summary>Only users created at or after this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? CreatedSince { get; set; }

    /// <summary>Only users changed at or after this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? ModifiedSince { get; set; }

    /// <summary>The sort column: Id (default), FirstName, LastName, Username or TimeModified.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public TotaraUserSort Sort { get; set; } = TotaraUserSort.Id;

    /// <summary>Sorts in descending order.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public SwitchParameter Descending { get; set; }

    /// <summary>More properties to ask the site for ('*' for all), e.g. Department, CustomFields, JobAssignments.</summary>
    [Parameter]
    [ValidateSet("*", "FullName", "MiddleName", "AlternateName", "FirstNamePhonetic", "LastNamePhonetic", "Department", "Institution",
        "City", "Country", "Address", "Phone1", "Phone2", "Description", "DescriptionFormat", "Url", "Skype", "Language", "Theme",
        "Timezone", "Interests", "FirstAccess", "LastAccess", "CustomFields", "JobAssignments", IgnoreCase = true)]
    public string[]? Property { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord(TotaraSession session)
    {
        var fields = UserFieldSet.With(UserProperties.FieldsOf(Property));
        if (ParameterSetName == IdentitySet)
        {
            foreach (var identity in Identity) GetOne(session, identity, fields);
            return;
        }

        var options = new UserListOptions
        {
            Status = (UserStatusFilter)Status,
            CreatedSince = CreatedSince is { } created ? new DateTimeOffset(created.ToUniversalTime()) : null,
            ModifiedSince = ModifiedSince is { } modified ? new DateTimeOffset(modified.ToUniversalTime()) : null,
            SortBy = (UserSortField)Sort,
            Descending = Descending.IsPresent,
            Fields = fields,
        };
        List(session, options);
    }

    private void GetOne(TotaraSession session, UserIdentity identity, UserFieldSet fields)
    {
        var users = session.Client.Users;
        var candidates = identity.CandidatesFor(session.Url);
        try
        {
            var found = Run(session.Client, ct => users.GetFirstAsync(candidates, fields, ct));
            if (found is not null)
            {
                WriteObject(new TotaraUser(found, session.Url));
                return;
            }

            var target = identity.Source ?? identity.Text;
            WriteError(TotaraErrors.Create(
                new ItemNotFoundException($"No Totara user matches {string.Join(" or ", candidates)} on {session.Url}."),
                ErrorIds.UserNotFound, ErrorCategory.ObjectNotFound, target));
        }
        catch (Exception ex) when (IsRequestFailure(ex))
        {
            WriteRequestError(ex, identity.Source ?? identity.Text);
        }
    }

    private void List(TotaraSession session, UserListOptions options)
    {
        var users = session.Client.Users;
        var skip = PagingParameters.Skip;
        var first = PagingParameters.First;
        if (first < ulong.MaxValue && options.PageSize is null)
            options.PageSize = (int)Math.Min((ulong)options.EffectivePageSize(session.Client.BatchComplexityLimit), Math.Max(1, first + Math.Min(skip, 1000)));
        try
        {
            if (PagingParameters.IncludeTotalCount)
            {
                var total = Run(session.Client, ct => users.CountAsync(options, ct));
                WriteObject(PagingParameters.NewTotalCount((ulong)Math.Max(0, total), 1.0));
            }
            if (first == 0) return;
            WriteStream(session.Client, ct => AsyncWindow.Of(users.ListAsync(options, ct), skip, first), user => new TotaraUser(user, session.Url));
        }
        catch (Exception ex) when (IsRequestFailure(ex))
        {
            WriteRequestError(ex, session);
        }
    }
}

using System;
using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client.Goals;
using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;
using Totara.PowerShell.Users;

namespace Totara.PowerShell.Goals;

/// <summary>
/// <para type="synopsis">Gets Totara goals: a user's goals (or piped users'), or one goal by id or id_number.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "TotaraGoal", DefaultParameterSetName = UserSet)]
[OutputType(typeof(TotaraGoal))]
public sealed class GetTotaraGoalCommand : TotaraSessionCmdlet
{
    private const string UserSet = "User";
    private const string IdentitySet = "Identity";

    /// <summary>Whose goals: usernames, idnumbers, emails, ids, TotaraUser objects or records naming users. The service account's own when absent.</summary>
    [Parameter(Position = 0, ParameterSetName = UserSet, ValueFromPipeline = true)]
    [UserIdentityTransformation]
    [ValidateNotNullOrEmpty]
    public UserIdentity[]? User { get; set; }

    /// <summary>The goal(s): id, id_number, or a record with Id/GoalId or IdNumber/GoalIdNumber.</summary>
    [Parameter(Mandatory = true, ParameterSetName = IdentitySet)]
    [Alias("Goal")]
    [GoalIdentityTransformation]
    [ValidateNotNullOrEmpty]
    public GoalIdentity[] Identity { get; set; } = Array.Empty<GoalIdentity>();

    /// <summary>Only goals with this status: NotStarted, InProgress, Completed or Cancelled.</summary>
    [Parameter(ParameterSetName = UserSet)]
    [ValidateSet("NotStarted", "InProgress", "Completed", "Cancelled", "not_started", "in_progress", "completed", "cancelled", IgnoreCase = true)]
    public string? Status { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord(TotaraSession session)
    {
        if (ParameterSetName == IdentitySet)
        {
            foreach (var identity in Identity) GetOne(session, identity);
            return;
        }
        if (User is null)
        {
            ListFor(session, null, null);
            return;
        }
        foreach (var user in User) ListFor(session, user, user.SourceRecord ?? user.Text);
    }

    /// <summary>Lists a user's goals (all users' without one), the identity's references tried in turn by the client.</summary>
    private void ListFor(TotaraSession session, UserIdentity? user, object? target)
    {
        var wanted = GoalValues.StatusCode(Status);
        var goals = session.Client.Goals;
        try
        {
            WriteStream(session.Client, ct => WithStatus(user is null ? goals.ListForUserAsync(null, ct) : goals.ListForFirstUserAsync(user.CandidatesFor(session.Url), ct), wanted),
                goal => new TotaraGoal(goal, session.Url));
        }
        catch (UserNotFoundException ex)
        {
            WriteError(TotaraErrors.Create(new ItemNotFoundException($"No user matches {string.Join(" or ", ex.Tried)} on {session.Url}.", ex),
                ErrorIds.UserNotFound, ErrorCategory.ObjectNotFound, target));
        }
        catch (Exception ex) when (IsRequestFailure(ex))
        {
            WriteRequestError(ex, target);
        }
    }

    private void GetOne(TotaraSession session, GoalIdentity identity)
    {
        var target = identity.Source ?? identity.Text;
        try
        {
            var goal = Run(session.Client, ct => session.Client.Goals.GetAsync(identity.ReferenceFor(session.Url), ct));
            if (goal is null)
                WriteError(TotaraErrors.Create(new ItemNotFoundException($"No goal has the {(identity.Id is null ? "id_number" : "id")} '{identity.Text}' on {session.Url}."),
                    ErrorIds.GoalNotFound, ErrorCategory.ObjectNotFound, target));
            else
                WriteObject(new TotaraGoal(goal, session.Url));
        }
        catch (ArgumentException ex)
        {
            WriteError(TotaraErrors.Create(ex, ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, target));
        }
        catch (Exception ex) when (IsRequestFailure(ex))
        {
            WriteRequestError(ex, target);
        }
    }

    private static async IAsyncEnumerable<GoalData> WithStatus(IAsyncEnumerable<GoalData> goals, string? status)
    {
        await foreach (var goal in goals)
            if (status is null || goal.Status == status) yield return goal;
    }
}

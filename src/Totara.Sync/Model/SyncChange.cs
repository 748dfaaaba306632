using System;
using System.Collections.Generic;
using System.Linq;
using Totara.Client.Users;

namespace Totara.Sync;

/// <summary>What a change does.</summary>
public enum SyncAction
{
    /// <summary>Create a user the site lacks (<c>core_user_create_user</c>).</summary>
    Create,
    /// <summary>Change the fields of a user whose values differ from the source (<c>core_user_update_user</c>).</summary>
    Update,
    /// <summary>Lift a user's suspension: the row says not suspended, or a user missing earlier is back in the source.</summary>
    Unsuspend,
    /// <summary>Add a user to an audience the row lists.</summary>
    AddMember,
    /// <summary>Remove a membership this sync added earlier that the source no longer lists (<see cref="CohortMode.Exact"/> only).</summary>
    RemoveMember,
    /// <summary>Create a job assignment the row names and the user lacks.</summary>
    CreateJobAssignment,
    /// <summary>Change a job assignment whose values differ from the row's.</summary>
    UpdateJobAssignment,
    /// <summary>Suspend a user: the row says suspended, or the user is missing from a complete source; counted by the removal guard.</summary>
    Suspend,
    /// <summary>Delete a user missing from a complete source (<see cref="MissingUserAction.Delete"/>); counted by the removal guard.</summary>
    Delete,
}

/// <summary>What kind of record a change is about.</summary>
public enum SyncRecordType
{
    /// <summary>A site user (create, update, suspend, unsuspend, delete).</summary>
    User,
    /// <summary>A user's membership of an audience.</summary>
    AudienceMember,
    /// <summary>A user's job assignment.</summary>
    JobAssignment,
}

/// <summary>Where a change stands: planned, applied, failed, or skipped (never sent).</summary>
public enum SyncOutcome
{
    /// <summary>In the plan, not sent yet (or a dry run).</summary>
    Planned,
    /// <summary>Sent, and the site made the change.</summary>
    Applied,
    /// <summary>Sent, and the site refused it or its answer was lost; <see cref="SyncChange.Error"/> says why.</summary>
    Failed,
    /// <summary>Never sent: it waited for a change that failed, named the service account, or the run was stopped; <see cref="SyncChange.Error"/> says why.</summary>
    Skipped,
}

/// <summary>One field's value before and after.</summary>
public sealed class FieldChange
{
    /// <summary>Records one field's change.</summary>
    /// <param name="field">The API field name (custom fields as custom_fields.&lt;shortname&gt;).</param>
    /// <param name="oldValue">The site's value now; null when there is none (a create).</param>
    /// <param name="newValue">The source's value.</param>
    public FieldChange(string field, string? oldValue, string? newValue)
    {
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
    }

    /// <summary>The API field name (custom fields as custom_fields.&lt;shortname&gt;).</summary>
    public string Field { get; }

    /// <summary>The site's value before the change; null when there is none (a record being created).</summary>
    public string? OldValue { get; }

    /// <summary>The value the change sets; "" erases the field.</summary>
    public string? NewValue { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Field}: '{OldValue}' -> '{NewValue}'";
}

/// <summary>
/// One change of a sync plan: what it does to which record and why; after applying, its outcome.
/// </summary>
public sealed class SyncChange
{
    private static readonly IReadOnlyList<FieldChange> NoFields = Array.Empty<FieldChange>();

    internal SyncChange(SyncAction action, SyncRecordType recordType, string key, string reason, SourceUser? source = null)
    {
        Action = action;
        RecordType = recordType;
        Key = key;
        Reason = reason;
        Source = source;
    }

    /// <summary>What the change does.</summary>
    public SyncAction Action { get; }

    /// <summary>What kind of record the change is about.</summary>
    public SyncRecordType RecordType { get; }

    /// <summary>The user's match key (e.g. the idnumber), or its username for users outside the source.</summary>
    public string Key { get; }

    /// <summary>For memberships: the audience, as the source named it.</summary>
    public string? Audience { get; internal set; }

    /// <summary>For job assignments: the job's idnumber.</summary>
    public string? Job { get; internal set; }

    /// <summary>The fields the change sets, with old and new values; empty for suspensions, deletions and memberships.</summary>
    public IReadOnlyList<FieldChange> Fields { get; internal set; } = NoFields;

    /// <summary>Why the sync plans this change, as a sentence (e.g. "not in the source").</summary>
    public string Reason { get; }

    /// <summary>Where the change stands: planned until applied, then applied, failed or skipped.</summary>
    public SyncOutcome Outcome { get; internal set; } = SyncOutcome.Planned;

    /// <summary>Why the change failed or was skipped.</summary>
    public string? Error { get; internal set; }

    /// <summary>The source row behind the change (null for users missing from the source).</summary>
    public SourceUser? Source { get; }

    /// <summary>The site user's id (null for a user still to be created).</summary>
    public long? UserId { get; internal set; }

    /// <summary>The username the change is about (set for creates, so memberships can name a new user).</summary>
    public string? Username { get; internal set; }

    /// <summary>The audience's id, for memberships.</summary>
    public long? CohortId { get; internal set; }

    /// <summary>For memberships of a user this run creates: the create they wait for.</summary>
    internal SyncChange? DependsOn { get; set; }

    /// <summary>A membership candidate the site must be asked about before the plan is final.</summary>
    internal bool NeedsCheck { get; set; }

    /// <summary>What a job assignment create or update sends.</summary>
    internal Totara.Client.JobAssignments.JobAssignmentChange? JobChange { get; set; }

    /// <summary>The site's id of the job assignment an update changes.</summary>
    internal long? JobId { get; set; }

    /// <summary>What a create or update sends.</summary>
    internal UserChange? UserChange { get; set; }

    /// <summary>True for suspensions and deletions: what the removal guard counts.</summary>
    public bool IsRemoval => Action is SyncAction.Suspend or SyncAction.Delete;

    internal void Settle(SyncOutcome outcome, string? error = null)
    {
        Outcome = outcome;
        Error = error;
    }

    /// <summary>e.g. "department: 'Sales' -> 'Marketing'; city: '' -> 'Wellington'".</summary>
    public string DescribeFields() => string.Join("; ", Fields.Select(f => f.ToString()));

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Action} {RecordType} {Key}{(Audience is null ? "" : " in " + Audience)}: {Reason}" + (Fields.Count > 0 ? " (" + DescribeFields() + ")" : "");
}

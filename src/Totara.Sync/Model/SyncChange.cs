using System;
using System.Collections.Generic;
using System.Linq;
using Totara.Client.Users;

namespace Totara.Sync;

/// <summary>What a change does.</summary>
public enum SyncAction
{
    Create,
    Update,
    Unsuspend,
    AddMember,
    RemoveMember,
    CreateJobAssignment,
    UpdateJobAssignment,
    Suspend,
    Delete,
}

/// <summary>What kind of record a change is about.</summary>
public enum SyncRecordType
{
    User,
    AudienceMember,
    JobAssignment,
}

/// <summary>Where a change stands: planned, applied, failed, or skipped (never sent).</summary>
public enum SyncOutcome
{
    Planned,
    Applied,
    Failed,
    Skipped,
}

/// <summary>One field's value before and after.</summary>
public sealed class FieldChange
{
    public FieldChange(string field, string? oldValue, string? newValue)
    {
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
    }

    /// <summary>The API field name (custom fields as custom_fields.&lt;shortname&gt;).</summary>
    public string Field { get; }

    public string? OldValue { get; }

    public string? NewValue { get; }

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

    public SyncAction Action { get; }

    public SyncRecordType RecordType { get; }

    /// <summary>The user's match key (e.g. the idnumber), or its username for users outside the source.</summary>
    public string Key { get; }

    /// <summary>For memberships: the audience, as the source named it.</summary>
    public string? Audience { get; internal set; }

    /// <summary>For job assignments: the job's idnumber.</summary>
    public string? Job { get; internal set; }

    public IReadOnlyList<FieldChange> Fields { get; internal set; } = NoFields;

    public string Reason { get; }

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

    public override string ToString() =>
        $"{Action} {RecordType} {Key}{(Audience is null ? "" : " in " + Audience)}: {Reason}" + (Fields.Count > 0 ? " (" + DescribeFields() + ")" : "");
}

using System;
using System.Linq;
using Totara.Sync;

namespace Totara.PowerShell.Sync;

/// <summary>What a sync change does.</summary>
public enum TotaraSyncAction
{
    /// <summary>A source row with no user on the site: the user is created.</summary>
    Create,

    /// <summary>A user whose profile fields differ from the source row: the differing fields are sent.</summary>
    Update,

    /// <summary>A user suspended by an earlier sync and back in the source, or marked not suspended there: unsuspended.</summary>
    Unsuspend,

    /// <summary>A user the source puts in an audience they are not in: added to it.</summary>
    AddMember,

    /// <summary>A membership an earlier sync added that the source no longer gives (-CohortMode Exact): removed.</summary>
    RemoveMember,

    /// <summary>A job the source gives a user who lacks it: the job assignment is created.</summary>
    CreateJobAssignment,

    /// <summary>A job assignment whose fields differ from the source: the differing fields are sent.</summary>
    UpdateJobAssignment,

    /// <summary>A user missing from a complete source (-SourceIsComplete), or marked suspended there: suspended.</summary>
    Suspend,

    /// <summary>A user missing from a complete source with -MissingUserAction Delete: deleted.</summary>
    Delete,
}

/// <summary>Where a sync change stands.</summary>
public enum TotaraSyncOutcome
{
    /// <summary>-WhatIf: what the sync would do.</summary>
    Planned,

    /// <summary>The site applied the change.</summary>
    Applied,

    /// <summary>The site refused the change, or its answer was lost; <see cref="TotaraSyncChange.Error"/> says why.</summary>
    Failed,

    /// <summary>Not sent: the run was stopped (Ctrl+C), or the user it depends on was not created.</summary>
    Skipped,
}

/// <summary>One field's value before and after a change.</summary>
public sealed class TotaraSyncFieldChange
{
    internal TotaraSyncFieldChange(FieldChange change)
    {
        Field = change.Field;
        OldValue = change.OldValue;
        NewValue = change.NewValue;
    }

    /// <summary>The API field name; custom profile fields read custom_fields.&lt;shortname&gt;.</summary>
    public string Field { get; }

    /// <summary>The site's value before the change; null or empty when the field was not set.</summary>
    public string? OldValue { get; }

    /// <summary>The source's value the change sends; null or empty when it clears the field.</summary>
    public string? NewValue { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Field}: '{OldValue}' -> '{NewValue}'";
}

/// <summary>
/// One change Invoke-TotaraSync plans (-WhatIf) or made: the action, the record, each field's old
/// and new value, why, and the outcome. Flat text properties, so Export-Csv writes it cleanly.
/// </summary>
public sealed class TotaraSyncChange
{
    private readonly TotaraSyncFieldChange[] _fields;

    internal TotaraSyncChange(SyncChange change, Uri site)
    {
        Action = (TotaraSyncAction)(int)change.Action;
        RecordType = change.RecordType.ToString();
        Key = change.Key;
        Username = change.Username;
        UserId = change.UserId;
        Audience = change.Audience;
        Job = change.Job;
        _fields = change.Fields.Select(f => new TotaraSyncFieldChange(f)).ToArray();
        Changes = change.DescribeFields();
        Reason = change.Reason;
        Outcome = (TotaraSyncOutcome)(int)change.Outcome;
        Error = change.Error;
        Row = change.Source?.RowNumber;
        Site = site;
    }

    /// <summary>What the change does.</summary>
    public TotaraSyncAction Action { get; }

    /// <summary>User, AudienceMember or JobAssignment.</summary>
    public string RecordType { get; }

    /// <summary>The user's match key (e.g. the idnumber).</summary>
    public string Key { get; }

    /// <summary>The user's username: the source's for a create, the site's otherwise.</summary>
    public string? Username { get; }

    /// <summary>The site user's id (after a create, the new user's).</summary>
    public long? UserId { get; }

    /// <summary>For audience memberships: the audience.</summary>
    public string? Audience { get; }

    /// <summary>For job assignments: the job's idnumber.</summary>
    public string? Job { get; }

    /// <summary>Every changed field, e.g. "department: 'Sales' -> 'Marketing'; city: '' -> 'Wellington'".</summary>
    public string Changes { get; }

    /// <summary>Why the sync plans the change, e.g. "in the source again (MissingUserAction Suspend)".</summary>
    public string Reason { get; }

    /// <summary>Planned (-WhatIf), applied, failed or skipped.</summary>
    public TotaraSyncOutcome Outcome { get; }

    /// <summary>Why the change failed or was skipped.</summary>
    public string? Error { get; }

    /// <summary>The source row (1-based) the change came from; empty for users missing from the source.</summary>
    public int? Row { get; }

    /// <summary>The site's base URL.</summary>
    public Uri Site { get; }

    /// <summary>The changed fields as objects (a method, so Export-Csv keeps to the flat Changes text).</summary>
    public TotaraSyncFieldChange[] GetFieldChanges() => (TotaraSyncFieldChange[])_fields.Clone();

    /// <inheritdoc />
    public override string ToString() => $"{Action} {Key}{(Audience is null ? "" : " in " + Audience)}: {Outcome}";
}

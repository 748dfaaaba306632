using System;
using System.Linq;
using Totara.Sync;

namespace Totara.PowerShell.Sync;

/// <summary>What a sync change does.</summary>
public enum TotaraSyncAction
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

/// <summary>Where a sync change stands.</summary>
public enum TotaraSyncOutcome
{
    /// <summary>-WhatIf: what the sync would do.</summary>
    Planned,
    Applied,
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

    public string? OldValue { get; }

    public string? NewValue { get; }

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

    public TotaraSyncAction Action { get; }

    /// <summary>User, AudienceMember or JobAssignment.</summary>
    public string RecordType { get; }

    /// <summary>The user's match key (e.g. the idnumber).</summary>
    public string Key { get; }

    public string? Username { get; }

    /// <summary>The site user's id (after a create, the new user's).</summary>
    public long? UserId { get; }

    /// <summary>For audience memberships: the audience.</summary>
    public string? Audience { get; }

    /// <summary>For job assignments: the job's idnumber.</summary>
    public string? Job { get; }

    /// <summary>Every changed field, e.g. "department: 'Sales' -> 'Marketing'; city: '' -> 'Wellington'".</summary>
    public string Changes { get; }

    public string Reason { get; }

    public TotaraSyncOutcome Outcome { get; }

    /// <summary>Why the change failed or was skipped.</summary>
    public string? Error { get; }

    /// <summary>The source row (1-based) the change came from; empty for users missing from the source.</summary>
    public int? Row { get; }

    public Uri Site { get; }

    /// <summary>The changed fields as objects (a method, so Export-Csv keeps to the flat Changes text).</summary>
    public TotaraSyncFieldChange[] GetFieldChanges() => (TotaraSyncFieldChange[])_fields.Clone();

    public override string ToString() => $"{Action} {Key}{(Audience is null ? "" : " in " + Audience)}: {Outcome}";
}

using System;

namespace Totara.Client.JobAssignments;

/// <summary>What a batched job-assignment operation is.</summary>
public enum JobAssignmentOperationKind
{
    /// <summary>A new assignment (<c>totara_job_create_job_assignment</c>).</summary>
    Create,
    /// <summary>A change to an assignment (<c>totara_job_update_job_assignment</c>).</summary>
    Update,
    /// <summary>An assignment removed (<c>totara_job_delete_job_assignment</c>).</summary>
    Delete,
}

/// <summary>The caller's record and what was sent for it, carried as the batch operation's tag.</summary>
internal sealed class JobAssignmentOperationTag
{
    public JobAssignmentOperationTag(JobAssignmentOperationKind kind, JobAssignmentReference target, JobAssignmentChange? change, object? callerTag)
    {
        Kind = kind;
        Target = target;
        Change = change;
        CallerTag = callerTag;
    }

    public JobAssignmentOperationKind Kind { get; }

    public JobAssignmentReference Target { get; }

    public JobAssignmentChange? Change { get; }

    public object? CallerTag { get; }
}

/// <summary>The outcome of one batched job-assignment operation, in the caller's terms.</summary>
public sealed class JobAssignmentOperationResult
{
    private JobAssignmentOperationResult(int index, JobAssignmentOperationTag tag, JobAssignmentData? job, long? deletedId, TotaraGraphQLError? error)
    {
        Index = index;
        Kind = tag.Kind;
        Target = tag.Target;
        Change = tag.Change;
        Tag = tag.CallerTag;
        JobAssignment = job;
        DeletedId = deletedId;
        Error = error;
    }

    /// <summary>The operation's position in the input sequence.</summary>
    public int Index { get; }

    /// <summary>Which operation this result is for.</summary>
    public JobAssignmentOperationKind Kind { get; }

    /// <summary>The assignment the operation named (for a create: the user and the new idnumber).</summary>
    public JobAssignmentReference Target { get; }

    /// <summary>The fields that were sent (null for a delete).</summary>
    public JobAssignmentChange? Change { get; }

    /// <summary>The caller's tag (its input record).</summary>
    public object? Tag { get; }

    /// <summary>The created or updated assignment, when the site returned it.</summary>
    public JobAssignmentData? JobAssignment { get; }

    /// <summary>The id a delete reported (null when it was settled by finding the assignment gone).</summary>
    public long? DeletedId { get; }

    /// <summary>Why the operation failed; null when it succeeded. <see cref="ErrorField"/> says which input field it is about.</summary>
    public TotaraGraphQLError? Error { get; }

    /// <summary>The input field the error is about (see <see cref="JobAssignmentErrorFields"/>), or null.</summary>
    public string? ErrorField => JobAssignmentErrorFields.FieldOf(Error?.Text);

    /// <summary>True when the operation has no error.</summary>
    public bool Succeeded => Error is null;

    internal static JobAssignmentOperationResult From(BatchItemResult item)
    {
        var tag = item.Operation.Tag as JobAssignmentOperationTag
            ?? throw new ArgumentException("The batch item is not a job assignment operation made by JobAssignmentsClient.", nameof(item));
        if (!item.Succeeded) return new JobAssignmentOperationResult(item.Index, tag, null, null, item.Error);

        JobAssignmentData? job = null;
        if (JobAssignmentData.Object(item.Data, "job_assignment") is { } data) job = JobAssignmentData.FromJson(data);
        return new JobAssignmentOperationResult(item.Index, tag, job, JsonValues.Long(item.Data, "job_assignment_id"), null);
    }

    /// <inheritdoc/>
    public override string ToString() => Succeeded ? $"#{Index} {Kind} {Target}: ok" : $"#{Index} {Kind} {Target}: {Error!.Message}";
}

using System;
using Totara.Client.Users;

namespace Totara.Client.JobAssignments;

/// <summary>
/// One job assignment to create, change or delete, for <see cref="JobAssignmentsClient.RunCheckedAsync"/>:
/// what to send, and the managers named without a job (HR Import's way: the manager's first
/// assignment is meant), which the run settles before sending.
/// </summary>
public sealed class JobAssignmentRequest
{
    private JobAssignmentRequest(JobAssignmentOperationKind kind, JobAssignmentReference assignment, JobAssignmentChange? change, object? tag)
    {
        Kind = kind;
        Assignment = assignment;
        Change = change;
        Tag = tag;
    }

    /// <summary>A new assignment <paramref name="idNumber"/> for <paramref name="holder"/>.</summary>
    public static JobAssignmentRequest Create(UserReference holder, string idNumber, JobAssignmentChange? change, object? tag = null) =>
        new(JobAssignmentOperationKind.Create, JobAssignmentReference.ByIdNumber(holder ?? throw new ArgumentNullException(nameof(holder)), idNumber), change ?? new JobAssignmentChange(), tag);

    /// <summary>A change to the assignment <paramref name="target"/> names.</summary>
    public static JobAssignmentRequest Update(JobAssignmentReference target, JobAssignmentChange change, object? tag = null) =>
        new(JobAssignmentOperationKind.Update, target ?? throw new ArgumentNullException(nameof(target)), change ?? throw new ArgumentNullException(nameof(change)), tag);

    /// <summary>The assignment <paramref name="target"/> names, to delete.</summary>
    public static JobAssignmentRequest Delete(JobAssignmentReference target, object? tag = null) =>
        new(JobAssignmentOperationKind.Delete, target ?? throw new ArgumentNullException(nameof(target)), null, tag);

    /// <summary>Create, update or delete.</summary>
    public JobAssignmentOperationKind Kind { get; }

    /// <summary>The assignment: for a create, its holder and idnumber; else the one to change or delete.</summary>
    public JobAssignmentReference Assignment { get; }

    /// <summary>The fields to send (null for a delete). The run sets the managers named without a job in it.</summary>
    public JobAssignmentChange? Change { get; }

    /// <summary>The caller's object for this request (e.g. its input record), for telling the requests of a cycle apart.</summary>
    public object? Tag { get; set; }

    /// <summary>A manager named without a job: their first assignment on the site (or the first this run creates for them) is meant.</summary>
    public UserReference? ManagerWithoutJob { get; set; }

    /// <summary>A temporary manager named without a job, settled as <see cref="ManagerWithoutJob"/> is.</summary>
    public UserReference? TempManagerWithoutJob { get; set; }
}

using System.Management.Automation;
using Totara.Client.JobAssignments;
using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;

namespace Totara.PowerShell.JobAssignments;

/// <summary>One job assignment to create, change or delete: which one, and what to send.</summary>
public sealed class JobAssignmentRecord : BatchRecord
{
    internal JobAssignmentRecord(int number, object? input, string label, JobAssignmentReference target, JobAssignmentChange? change)
        : base(number, input, label)
    {
        Assignment = target;
        Change = change;
    }

    /// <summary>The assignment (for a create: its user and idnumber).</summary>
    internal JobAssignmentReference Assignment { get; }

    /// <summary>The fields to send (null for a delete).</summary>
    internal JobAssignmentChange? Change { get; }

    /// <summary>A manager named without a job: their first assignment is looked up before sending.</summary>
    internal UserReference? ManagerWithoutJob { get; set; }

    internal UserReference? TempManagerWithoutJob { get; set; }

    /// <summary>The parameters that named the manager and temporary manager, for messages.</summary>
    internal string ManagerParameter { get; set; } = "ManagerIdNumber";

    internal string TempManagerParameter { get; set; } = "TempManagerIdNumber";

    /// <summary>The site's answer or a refusal made before sending, once the record's batch was sent.</summary>
    internal JobAssignmentOutcome? Outcome { get; set; }

    internal override bool Succeeded => Outcome?.Succeeded == true;
}

/// <summary>
/// One job-assignment record's outcome: the site's result, or a refusal made before sending
/// (a management cycle, a manager without a job).
/// </summary>
internal sealed class JobAssignmentOutcome
{
    internal JobAssignmentOutcome(JobAssignmentOperationResult result) => Result = result;

    internal JobAssignmentOutcome(string problem, string? field, string errorId, ErrorCategory category)
    {
        Problem = problem;
        Field = field;
        ErrorId = errorId;
        Category = category;
    }

    internal JobAssignmentOperationResult? Result { get; }

    internal string? Problem { get; }

    internal string? Field { get; }

    internal string? ErrorId { get; }

    internal ErrorCategory Category { get; }

    internal bool Succeeded => Result is { Succeeded: true };
}

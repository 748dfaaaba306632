using Totara.Client.JobAssignments;
using Totara.PowerShell.Infrastructure;

namespace Totara.PowerShell.JobAssignments;

/// <summary>One job assignment to create, change or delete: the request to run, and its outcome.</summary>
public sealed class JobAssignmentRecord : BatchRecord
{
    internal JobAssignmentRecord(int number, object? input, string label, JobAssignmentRequest request)
        : base(number, input, label)
    {
        Request = request;
        request.Tag = this;   // a cycle's outcome names its requests; the tag leads back to their records
    }

    /// <summary>What to send.</summary>
    internal JobAssignmentRequest Request { get; }

    /// <summary>The assignment (for a create: its user and idnumber).</summary>
    internal JobAssignmentReference Assignment => Request.Assignment;

    /// <summary>The fields to send (null for a delete).</summary>
    internal JobAssignmentChange? Change => Request.Change;

    /// <summary>The parameters that named the manager and temporary manager, for messages.</summary>
    internal string ManagerParameter { get; set; } = "ManagerIdNumber";

    internal string TempManagerParameter { get; set; } = "TempManagerIdNumber";

    /// <summary>The site's answer or a refusal made before sending, once the record's batch was sent.</summary>
    internal JobAssignmentRequestOutcome? Outcome { get; set; }

    internal override bool Succeeded => Outcome?.Succeeded == true;
}

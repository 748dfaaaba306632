using System.Collections.Generic;
using Totara.Client.Goals;
using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;

namespace Totara.PowerShell.Goals;

/// <summary>One goal record: which goal (for all but a create), the values to send, and progress values.</summary>
public sealed class GoalBatchRecord : BatchRecord
{
    internal GoalBatchRecord(int number, object? input, string label, GoalReference? target, GoalChange? change)
        : base(number, input, label)
    {
        Reference = target;
        Change = change;
    }

    /// <summary>The goal the record is about (null for a create).</summary>
    internal GoalReference? Reference { get; }

    internal GoalChange? Change { get; }

    /// <summary>Progress updates: the status and value (null: keep the goal's own, read before sending).</summary>
    internal string? Status { get; set; }

    internal double? CurrentValue { get; set; }

    /// <summary>For a create: the references to try for the goal's user and owner (null: no owner given).</summary>
    internal IReadOnlyList<UserReference>? UserCandidates { get; set; }

    internal IReadOnlyList<UserReference>? OwnerCandidates { get; set; }

    /// <summary>The site's answer, once the record's batch was sent.</summary>
    internal GoalOperationResult? Result { get; set; }

    internal override bool Succeeded => Result?.Succeeded == true;
}

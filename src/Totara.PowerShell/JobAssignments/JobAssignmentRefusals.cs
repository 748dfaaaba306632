using System.Linq;
using System.Management.Automation;
using Totara.Client.JobAssignments;
using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;

namespace Totara.PowerShell.JobAssignments;

/// <summary>
/// The error for a record the client refused before sending: its problem in the cmdlets' words,
/// the parameter at fault, and the error id and category for the reason.
/// </summary>
internal static class JobAssignmentRefusals
{
    public static ErrorRecord ErrorFor(JobAssignmentRecord record, JobAssignmentRequestOutcome outcome)
    {
        var managerParameter = outcome.AboutTempManager ? record.TempManagerParameter : record.ManagerParameter;
        var (problem, field, errorId, category) = outcome.Refusal switch
        {
            JobAssignmentRefusal.HolderNotFound => (outcome.Problem!, HolderParameter(record), ErrorIds.UserNotFound, ErrorCategory.ObjectNotFound),
            JobAssignmentRefusal.AlreadyExists => (outcome.Problem!.TrimEnd('.') + "; change it with Set-TotaraJobAssignment.", "IdNumber",
                ErrorIds.JobAssignmentExists, ErrorCategory.ResourceExists),
            JobAssignmentRefusal.NotFound => (outcome.Problem!, "IdNumber", ErrorIds.JobAssignmentNotFound, ErrorCategory.ObjectNotFound),
            JobAssignmentRefusal.ManagerNotFound => (outcome.Problem!, managerParameter, ErrorIds.UserNotFound, ErrorCategory.ObjectNotFound),
            JobAssignmentRefusal.ManagerHasNoJob => (outcome.Problem!, managerParameter, ErrorIds.ManagerHasNoJobAssignment, ErrorCategory.InvalidData),
            _ => (CycleText(outcome), record.ManagerParameter, ErrorIds.ManagementCycle, ErrorCategory.InvalidData),
        };
        return TotaraErrors.Create(new TotaraRecordException(record, problem, field), errorId, category, record.Target);
    }

    private static string HolderParameter(JobAssignmentRecord record) =>
        record.Assignment.User?.Kind == UserReferenceKind.IdNumber ? "UserIdNumber" : "User";

    /// <summary>The cycle named by its records, each managed by the next: "record 2 (job 'J2' of ...) -> record 3 (...) -> record 2 (...)".</summary>
    private static string CycleText(JobAssignmentRequestOutcome outcome)
    {
        var members = outcome.Cycle.Select(r => (JobAssignmentRecord)r.Tag!).ToList();
        var chain = string.Join(" -> ", members.Concat(new[] { members[0] }).Select(r => $"record {r.Number} ({r.Label})"));
        return $"management cycle in the input: {chain} (each managed by the next). None of these records was sent.";
    }
}

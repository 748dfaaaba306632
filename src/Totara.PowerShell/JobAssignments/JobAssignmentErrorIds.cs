namespace Totara.PowerShell.JobAssignments;

/// <summary>Error ids of the job-assignment cmdlets (besides <see cref="Infrastructure.RecordErrorIds"/>).</summary>
public static class JobAssignmentErrorIds
{
    /// <summary>Records of the input manage each other in a loop; none of them was sent.</summary>
    public const string ManagementCycle = "TotaraManagementCycle";

    /// <summary>A create of an idnumber the user already has (refused before sending).</summary>
    public const string JobAssignmentExists = "TotaraJobAssignmentExists";

    /// <summary>No job assignment matches the reference given.</summary>
    public const string JobAssignmentNotFound = "TotaraJobAssignmentNotFound";

    /// <summary>A manager was named without a job, and has no job assignment to manage through.</summary>
    public const string ManagerHasNoJobAssignment = "TotaraManagerHasNoJobAssignment";
}

namespace Totara.PowerShell.Cohorts;

/// <summary>Error ids of the audience cmdlets (besides <see cref="Infrastructure.RecordErrorIds"/> for per-user errors).</summary>
public static class CohortErrorIds
{
    /// <summary>No audience (or more than one) has the id, idnumber or name given to -Cohort / -Identity.</summary>
    public const string CohortNotFound = "TotaraCohortNotFound";
}

namespace Totara.PowerShell.Goals;

/// <summary>Error ids of the goal cmdlets (besides <see cref="Infrastructure.RecordErrorIds"/> for per-record errors).</summary>
public static class GoalErrorIds
{
    /// <summary>No goal matches the id or id_number given.</summary>
    public const string GoalNotFound = "TotaraGoalNotFound";
}

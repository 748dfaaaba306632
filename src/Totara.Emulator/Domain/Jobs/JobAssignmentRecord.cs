namespace Totara.Emulator.Domain.Jobs;

/// <summary>One job assignment (Totara's job_assignment row). Ids of related records, never copies.</summary>
public sealed class JobAssignmentRecord
{
    public long Id { get; init; }
    public long UserId { get; init; }
    public string IdNumber { get; set; } = "";
    public string? FullName { get; set; }
    public string? ShortName { get; set; }
    public string? Description { get; set; }
    public long? StartDate { get; set; }
    public long? EndDate { get; set; }
    public long? PositionId { get; set; }
    public long? OrganisationId { get; set; }
    public long? ManagerJaId { get; set; }
    public long? TempManagerJaId { get; set; }
    public long? TempManagerExpiryDate { get; set; }
    public long? AppraiserId { get; set; }
    public int SortOrder { get; set; }
    public long TimeCreated { get; init; }
    public long TimeModified { get; set; }

    /// <summary>Totara shows "Unnamed job assignment (ID: x)" when a job has no full name.</summary>
    public string DisplayFullName => string.IsNullOrEmpty(FullName) ? $"Unnamed job assignment (ID: {IdNumber})" : FullName;
}

namespace Totara.Emulator.Domain.Cohorts;

/// <summary>One audience (Totara's cohort). Only static audiences take members through the API.</summary>
public sealed class CohortRecord
{
    public long Id { get; init; }
    public string Name { get; set; } = "";
    public string? IdNumber { get; set; }
    public string? Description { get; set; }
    public bool IsDynamic { get; init; }
    public bool Active { get; set; } = true;
    public long TimeCreated { get; init; }
    public long TimeModified { get; set; }

    /// <summary>Tag names, for core_cohort_static_cohorts' tag_filter.</summary>
    public List<string> Tags { get; } = new();

    public string Type => IsDynamic ? "DYNAMIC" : "STATIC";
}

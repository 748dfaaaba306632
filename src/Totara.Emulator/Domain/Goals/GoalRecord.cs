namespace Totara.Emulator.Domain.Goals;

/// <summary>One perform goal (mdl_perform_goal). Only personal goals (with a subject user) exist.</summary>
public sealed class GoalRecord
{
    public long Id { get; init; }
    public long ContextId { get; set; }
    public long CategoryId { get; set; } = GoalStatuses.BasicCategoryId;
    public long OwnerId { get; set; }
    public long UserId { get; set; }
    public string Name { get; set; } = "";
    public string? IdNumber { get; set; }
    public string? Description { get; set; }
    public long StartDate { get; set; }
    public string TargetType { get; set; } = "date";
    public long TargetDate { get; set; }
    public double TargetValue { get; set; }
    public double CurrentValue { get; set; }
    public long CurrentValueUpdatedAt { get; set; }
    public string Status { get; set; } = "not_started";
    public long StatusUpdatedAt { get; set; }
    public long? ClosedAt { get; set; }
    public long CreatedAt { get; set; }
    public long UpdatedAt { get; set; }

    public string PluginName => "basic";

    /// <summary>Totara hardcodes "Self" for every personal goal.</summary>
    public string AssignmentType => "Self";

    public GoalRecord Copy() => (GoalRecord)MemberwiseClone();
}

/// <summary>A goal status as the API shows it (perform_goal_status).</summary>
public sealed record GoalStatus(string Id, string Label);

/// <summary>The status codes of perform goals, their labels, and which of them close a goal.</summary>
public static class GoalStatuses
{
    public const long BasicCategoryId = 1;
    public const long SystemContextId = 1;

    /// <summary>User contexts get ids of their own in this range, so context_id can be checked.</summary>
    public const long UserContextBase = 1_000_000;

    public static readonly IReadOnlyList<GoalStatus> All = new[]
    {
        new GoalStatus("not_started", "Not started"),
        new GoalStatus("in_progress", "In progress"),
        new GoalStatus("completed", "Completed"),
        new GoalStatus("cancelled", "Cancelled"),
    };

    public static GoalStatus Get(string code) => All.First(s => s.Id == code);

    public static bool IsValid(string code) => All.Any(s => s.Id == code);

    public static bool IsClosed(string code) => code is "completed" or "cancelled";

    public static long UserContextId(long userId) => UserContextBase + userId;
}

using System;
using System.Text.Json;
using Totara.Client.Courses;

namespace Totara.Client.Goals;

/// <summary>One goal (<c>perform_goal_goal</c>) as the API returns it.</summary>
public sealed class GoalData
{
    /// <summary>The fields asked for every goal (description as plain text).</summary>
    public const string Selection =
        "id name id_number description(format: PLAIN) user { id username } owner { id username } assignment_type plugin_name " +
        "start_date target_type target_date target_value current_value status { id label } closed_at created_at updated_at";

    /// <summary>Complexity of one goal with <see cref="Selection"/>: 17 fields plus 2 per user object and 2 for the status.</summary>
    public const int CostPerGoal = 23;

    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string? IdNumber { get; set; }

    public string? Description { get; set; }

    public long? UserId { get; set; }

    public string? Username { get; set; }

    public long? OwnerId { get; set; }

    public string? OwnerUsername { get; set; }

    public string? AssignmentType { get; set; }

    public string? PluginName { get; set; }

    public DateTimeOffset? StartDate { get; set; }

    public string? TargetType { get; set; }

    public DateTimeOffset? TargetDate { get; set; }

    public double? TargetValue { get; set; }

    public double? CurrentValue { get; set; }

    /// <summary>not_started, in_progress, completed or cancelled.</summary>
    public string? Status { get; set; }

    public string? StatusLabel { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }

    public DateTimeOffset? UpdatedAt { get; set; }

    public static GoalData FromJson(JsonElement goal)
    {
        var data = new GoalData
        {
            Id = JsonValues.Long(goal, "id") ?? 0,
            Name = JsonValues.Text(goal, "name") ?? "",
            IdNumber = JsonValues.Text(goal, "id_number"),
            Description = JsonValues.Text(goal, "description"),
            AssignmentType = JsonValues.Text(goal, "assignment_type"),
            PluginName = JsonValues.Text(goal, "plugin_name"),
            StartDate = JsonValues.Timestamp(goal, "start_date"),
            TargetType = JsonValues.Text(goal, "target_type"),
            TargetDate = JsonValues.Timestamp(goal, "target_date"),
            TargetValue = JsonValues.Double(goal, "target_value"),
            CurrentValue = JsonValues.Double(goal, "current_value"),
            ClosedAt = JsonValues.Timestamp(goal, "closed_at"),
            CreatedAt = JsonValues.Timestamp(goal, "created_at"),
            UpdatedAt = JsonValues.Timestamp(goal, "updated_at"),
        };
        if (goal.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object)
        {
            data.UserId = JsonValues.Long(user, "id");
            data.Username = JsonValues.Text(user, "username");
        }
        if (goal.TryGetProperty("owner", out var owner) && owner.ValueKind == JsonValueKind.Object)
        {
            data.OwnerId = JsonValues.Long(owner, "id");
            data.OwnerUsername = JsonValues.Text(owner, "username");
        }
        if (goal.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Object)
        {
            data.Status = JsonValues.Text(status, "id");
            data.StatusLabel = JsonValues.Text(status, "label");
        }
        return data;
    }

    public override string ToString() => string.IsNullOrEmpty(IdNumber) ? Name : $"{Name} ({IdNumber})";
}

using System;
using System.Text.Json;

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

    /// <summary>The goal's id; 0 when the site sent none.</summary>
    public long Id { get; set; }

    /// <summary>The goal's name; empty when the site sent none.</summary>
    public string Name { get; set; } = "";

    /// <summary>The goal's id_number; null when it has none.</summary>
    public string? IdNumber { get; set; }

    /// <summary>The goal's description as plain text (asked with <c>format: PLAIN</c>); null when it has none.</summary>
    public string? Description { get; set; }

    /// <summary>The id of the user whose goal it is; null when the answer had no user.</summary>
    public long? UserId { get; set; }

    /// <summary>The username of the user whose goal it is; null when the answer had no user.</summary>
    public string? Username { get; set; }

    /// <summary>The id of the user who manages the goal; null when the answer had no owner.</summary>
    public long? OwnerId { get; set; }

    /// <summary>The username of the user who manages the goal; null when the answer had no owner.</summary>
    public string? OwnerUsername { get; set; }

    /// <summary>How the goal was assigned, as the site words it (the emulator answers "Self" for a personal goal); null when it sent none.</summary>
    public string? AssignmentType { get; set; }

    /// <summary>The goal plugin that holds the goal (e.g. <c>basic</c>); null when the site sent none.</summary>
    public string? PluginName { get; set; }

    /// <summary>When work on the goal starts (from unix seconds); null when the site sent none.</summary>
    public DateTimeOffset? StartDate { get; set; }

    /// <summary>What the target is measured by (Totara's <c>target_type</c>, e.g. <c>date</c>); null when the site sent none.</summary>
    public string? TargetType { get; set; }

    /// <summary>When the goal is due (from unix seconds); null when the site sent none.</summary>
    public DateTimeOffset? TargetDate { get; set; }

    /// <summary>The value that completes the goal; null when the site sent none.</summary>
    public double? TargetValue { get; set; }

    /// <summary>The goal's progress so far, on the same scale as <see cref="TargetValue"/>; null when the site sent none.</summary>
    public double? CurrentValue { get; set; }

    /// <summary>not_started, in_progress, completed or cancelled.</summary>
    public string? Status { get; set; }

    /// <summary>The status as the site words it for people (e.g. "In progress"); null when it sent none.</summary>
    public string? StatusLabel { get; set; }

    /// <summary>When the goal was closed (completed or cancelled), from unix seconds; null while it is open.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>When the goal was created (from unix seconds); null when the site sent none.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the goal was last changed (from unix seconds); null when the site sent none.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Reads one goal selected with <see cref="Selection"/>; missing fields keep their defaults.</summary>
    /// <param name="goal">The goal's JSON object.</param>
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

    /// <inheritdoc/>
    public override string ToString() => string.IsNullOrEmpty(IdNumber) ? Name : $"{Name} ({IdNumber})";
}

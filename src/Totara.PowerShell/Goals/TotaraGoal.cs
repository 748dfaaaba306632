using System;
using Totara.Client.Goals;

namespace Totara.PowerShell.Goals;

/// <summary>
/// A Totara goal (perform goals), as Get-, New- and Set-TotaraGoal return it. Pipe it into
/// Set-TotaraGoal, Set-TotaraGoalProgress or Remove-TotaraGoal: it names its goal by id.
/// </summary>
public sealed class TotaraGoal
{
    internal TotaraGoal(GoalData data, Uri site)
    {
        Site = site;
        Id = data.Id;
        Name = data.Name;
        IdNumber = data.IdNumber;
        Description = data.Description;
        UserId = data.UserId;
        Username = data.Username;
        OwnerId = data.OwnerId;
        Owner = data.OwnerUsername;
        Status = data.Status;
        StatusLabel = data.StatusLabel;
        StartDate = data.StartDate?.UtcDateTime;
        TargetDate = data.TargetDate?.UtcDateTime;
        TargetValue = data.TargetValue;
        CurrentValue = data.CurrentValue;
        ClosedAt = data.ClosedAt?.UtcDateTime;
        Created = data.CreatedAt?.UtcDateTime;
        Modified = data.UpdatedAt?.UtcDateTime;
        AssignmentType = data.AssignmentType;
        PluginName = data.PluginName;
    }

    public Uri Site { get; }

    public long Id { get; }

    public string Name { get; }

    /// <summary>The goal's external identifier (Totara's id_number).</summary>
    public string? IdNumber { get; }

    /// <summary>The description as plain text.</summary>
    public string? Description { get; }

    /// <summary>The user the goal is for.</summary>
    public long? UserId { get; }

    public string? Username { get; }

    /// <summary>The user who manages the goal (its owner).</summary>
    public long? OwnerId { get; }

    public string? Owner { get; }

    /// <summary>not_started, in_progress, completed or cancelled.</summary>
    public string? Status { get; }

    /// <summary>The status as the site shows it, e.g. "In progress".</summary>
    public string? StatusLabel { get; }

    /// <summary>Dates are UTC.</summary>
    public DateTime? StartDate { get; }

    public DateTime? TargetDate { get; }

    public double? TargetValue { get; }

    public double? CurrentValue { get; }

    /// <summary>When the goal was completed or cancelled; null while it is open.</summary>
    public DateTime? ClosedAt { get; }

    public DateTime? Created { get; }

    public DateTime? Modified { get; }

    /// <summary>How the goal was assigned, e.g. Self.</summary>
    public string? AssignmentType { get; }

    /// <summary>The goal type plugin, e.g. basic.</summary>
    public string? PluginName { get; }

    public override string ToString() => string.IsNullOrEmpty(IdNumber) ? Name : $"{Name} ({IdNumber})";
}

/// <summary>A goal's progress after Set-TotaraGoalProgress.</summary>
public sealed class TotaraGoalProgress
{
    internal TotaraGoalProgress(string goal, long? goalId, string? status, double? currentValue, Uri site)
    {
        Goal = goal;
        GoalId = goalId;
        Status = status;
        CurrentValue = currentValue;
        Site = site;
    }

    /// <summary>The goal as given on input (id, id_number or name).</summary>
    public string Goal { get; }

    public long? GoalId { get; }

    /// <summary>not_started, in_progress, completed or cancelled.</summary>
    public string? Status { get; }

    public double? CurrentValue { get; }

    public Uri Site { get; }

    public override string ToString() => $"{Goal}: {Status} {CurrentValue}";
}

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

    /// <summary>The site the goal is on; a <see cref="GoalIdentity"/> made from the goal uses <see cref="Id"/> only on this site.</summary>
    public Uri Site { get; }

    /// <summary>The goal's id on <see cref="Site"/>; 0 when the site sent none.</summary>
    public long Id { get; }

    /// <summary>The goal's name; need not be unique (goals are named by id or id_number, never by name). Empty when the site sent none.</summary>
    public string Name { get; }

    /// <summary>The goal's external identifier (Totara's id_number).</summary>
    public string? IdNumber { get; }

    /// <summary>The description as plain text.</summary>
    public string? Description { get; }

    /// <summary>The user the goal is for.</summary>
    public long? UserId { get; }

    /// <summary>The username of the user the goal is for; null when the answer had no user.</summary>
    public string? Username { get; }

    /// <summary>The user who manages the goal (its owner).</summary>
    public long? OwnerId { get; }

    /// <summary>The username of the user who manages the goal; null when the answer had no owner.</summary>
    public string? Owner { get; }

    /// <summary>not_started, in_progress, completed or cancelled.</summary>
    public string? Status { get; }

    /// <summary>The status as the site shows it, e.g. "In progress".</summary>
    public string? StatusLabel { get; }

    /// <summary>Dates are UTC.</summary>
    public DateTime? StartDate { get; }

    /// <summary>When the goal is due (UTC); null when the site sent none.</summary>
    public DateTime? TargetDate { get; }

    /// <summary>The value that completes the goal, on the scale of <see cref="CurrentValue"/>; null when the site sent none.</summary>
    public double? TargetValue { get; }

    /// <summary>The progress so far, on the scale of <see cref="TargetValue"/> (Set-TotaraGoalProgress sets it); null when the site sent none.</summary>
    public double? CurrentValue { get; }

    /// <summary>When the goal was completed or cancelled; null while it is open.</summary>
    public DateTime? ClosedAt { get; }

    /// <summary>When the goal was created (UTC); null when the site sent none.</summary>
    public DateTime? Created { get; }

    /// <summary>When the goal was last changed (UTC); null when the site sent none.</summary>
    public DateTime? Modified { get; }

    /// <summary>How the goal was assigned, e.g. Self.</summary>
    public string? AssignmentType { get; }

    /// <summary>The goal type plugin, e.g. basic.</summary>
    public string? PluginName { get; }

    /// <inheritdoc/>
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

    /// <summary>The goal's id when it was named by id (or by a <see cref="TotaraGoal"/> on its own site); null when it was named by id_number.</summary>
    public long? GoalId { get; }

    /// <summary>not_started, in_progress, completed or cancelled.</summary>
    public string? Status { get; }

    /// <summary>The goal's progress as the site answered it, else the value sent; null when neither had one (only a status was set and the site sent no value).</summary>
    public double? CurrentValue { get; }

    /// <summary>The site the goal is on (the session's URL).</summary>
    public Uri Site { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Goal}: {Status} {CurrentValue}";
}

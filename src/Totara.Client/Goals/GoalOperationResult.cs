using System;
using System.Text.Json;

namespace Totara.Client.Goals;

/// <summary>What a batched goal operation is.</summary>
public enum GoalOperationKind
{
    /// <summary>A new goal (<c>perform_goal_create</c>).</summary>
    Create,
    /// <summary>A change to a goal's values (<c>perform_goal_update</c>).</summary>
    Update,
    /// <summary>A change to a goal's status or current value (<c>perform_goal_update_progress</c>).</summary>
    Progress,
    /// <summary>A goal removed (<c>perform_goal_delete</c>).</summary>
    Delete,
}

/// <summary>The outcome of one batched goal operation, in the caller's terms.</summary>
public sealed class GoalOperationResult
{
    internal GoalOperationResult(GoalOperationKind kind, GoalReference? target, object? tag, GoalData? goal, string? status, double? currentValue,
        TotaraGraphQLError? error)
    {
        Kind = kind;
        Target = target;
        Tag = tag;
        Goal = goal;
        Status = status;
        CurrentValue = currentValue;
        Error = error;
        ErrorField = error?.Text is { } text ? FieldOf(text) : null;
    }

    /// <summary>Which operation this result is for.</summary>
    public GoalOperationKind Kind { get; }

    /// <summary>The goal an update, progress update or delete named (null for a create).</summary>
    public GoalReference? Target { get; }

    /// <summary>The caller's tag (its input record).</summary>
    public object? Tag { get; }

    /// <summary>The created or updated goal, when the site returned it.</summary>
    public GoalData? Goal { get; }

    /// <summary>After a progress update: the goal's status and current value.</summary>
    public string? Status { get; }

    /// <summary>After a progress update: the goal's current value; after a create or update, the returned goal's; else null.</summary>
    public double? CurrentValue { get; }

    /// <summary>Why the operation failed; null when it succeeded. <see cref="ErrorField"/>, <see cref="GoalNotFound"/> and <see cref="UserNotFound"/> say what it is about.</summary>
    public TotaraGraphQLError? Error { get; }

    /// <summary>The goal property the error is about (e.g. TargetValue), when Totara's message names one.</summary>
    public string? ErrorField { get; }

    /// <summary>True when the operation has no error.</summary>
    public bool Succeeded => Error is null;

    /// <summary>True when the site's answer means no goal matches the reference.</summary>
    public bool GoalNotFound => GoalsClient.IsNotFound(Error);

    /// <summary>Not found, and about the owner's or another user reference.</summary>
    public bool UserNotFound => Error?.Outcome.IsUserNotFound == true;

    internal static GoalOperationResult From(BatchItemResult item)
    {
        var tag = (GoalOperationTag)item.Operation.Tag!;
        if (!item.Succeeded) return new GoalOperationResult(tag.Kind, tag.Target, tag.CallerTag, null, null, null, item.Error);
        GoalData? goal = null;
        string? status = null;
        double? current = null;
        if (item.Data is { ValueKind: JsonValueKind.Object } data)
        {
            if (data.TryGetProperty("goal", out var g) && g.ValueKind == JsonValueKind.Object) goal = GoalData.FromJson(g);
            if (data.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Object) status = JsonValues.Text(s, "id");
            current = JsonValues.Double(data, "current_value");
        }
        return new GoalOperationResult(tag.Kind, tag.Target, tag.CallerTag, goal, status ?? goal?.Status, current ?? goal?.CurrentValue, null);
    }

    /// <summary>Totara's goal messages name what is wrong in words; map them to the property.</summary>
    private static string? FieldOf(string message)
    {
        var text = message.ToLowerInvariant();
        if (text.StartsWith("owner:", StringComparison.Ordinal)) return "Owner";
        if (text.Contains("id_number")) return "IdNumber";
        if (text.Contains("invalid status")) return "Status";
        if (text.Contains("invalid target value")) return "TargetValue";
        if (text.Contains("invalid current value")) return "CurrentValue";
        if (text.Contains("target_date") || text.Contains("start date")) return "TargetDate";
        if (text.Contains("target_type")) return "TargetType";
        if (text.Contains("name")) return "Name";
        if (text.Contains("user reference")) return "User";
        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => Succeeded ? $"{Kind} {Target}: ok" : $"{Kind} {Target}: {Error!.Explanation}";
}

/// <summary>The caller's record and what was sent for it, carried as the batch operation's tag.</summary>
internal sealed class GoalOperationTag
{
    public GoalOperationTag(GoalOperationKind kind, GoalReference? target, object? callerTag)
    {
        Kind = kind;
        Target = target;
        CallerTag = callerTag;
    }

    public GoalOperationKind Kind { get; }

    public GoalReference? Target { get; }

    public object? CallerTag { get; }
}

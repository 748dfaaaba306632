using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Totara.Client.Users;

namespace Totara.Client.Goals;

/// <summary>
/// The values of a goal to create or update: only what is set is sent, so an update changes
/// exactly the fields given. Dates go as Unix timestamps, as Totara's core_date accepts.
/// </summary>
public sealed class GoalChange
{
    /// <summary>The statuses Totara's basic goal plugin supports.</summary>
    public static readonly IReadOnlyList<string> Statuses = new[] { "not_started", "in_progress", "completed", "cancelled" };

    /// <summary>The goal's name (at most 1024 characters); null leaves it as it is. Required to create.</summary>
    public string? Name { get; set; }

    /// <summary>The goal's id_number, the key an integration sets and a re-run is matched by; null leaves it as it is.</summary>
    public string? IdNumber { get; set; }

    /// <summary>The goal's description; null leaves it as it is.</summary>
    public string? Description { get; set; }

    /// <summary>When work on the goal starts (sent as unix seconds); null leaves it as it is. Required to create.</summary>
    public DateTimeOffset? StartDate { get; set; }

    /// <summary>When the goal is due (sent as unix seconds); not before <see cref="StartDate"/>. Null leaves it as it is; required to create.</summary>
    public DateTimeOffset? TargetDate { get; set; }

    /// <summary>The value that completes the goal, 0 to 99999; null leaves it as it is. Required to create.</summary>
    public double? TargetValue { get; set; }

    /// <summary>Create only: whose goal it is.</summary>
    public UserReference? User { get; set; }

    /// <summary>Create only: who manages it (the service account when absent, as Totara does).</summary>
    public UserReference? Owner { get; set; }

    /// <summary>Create only: the starting status (not_started when absent).</summary>
    public string? Status { get; set; }

    /// <summary>Create only: the starting value.</summary>
    public double? CurrentValue { get; set; }

    /// <summary>True when nothing an update can send is set.</summary>
    public bool IsEmptyUpdate => Name is null && IdNumber is null && Description is null && StartDate is null && TargetDate is null && TargetValue is null;

    /// <summary>The <c>perform_goal_create_input</c>. Totara requires name, start_date, target_date and target_value.</summary>
    public IDictionary<string, object?> ToCreateInput()
    {
        var input = ToUpdateInput();
        if (User is not null) input["user"] = User.ToInput();
        if (Owner is not null) input["owner"] = Owner.ToInput();
        if (Status is not null) input["status"] = Status;
        if (CurrentValue is double current) input["current_value"] = current;
        return input;
    }

    /// <summary>The <c>perform_goal_update_input</c>: the set fields only.</summary>
    public IDictionary<string, object?> ToUpdateInput()
    {
        var input = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (Name is not null) input["name"] = Name;
        if (IdNumber is not null) input["id_number"] = IdNumber;
        if (Description is not null) input["description"] = Description;
        if (StartDate is { } start) input["start_date"] = start.ToUnixTimeSeconds();
        if (TargetDate is { } target) input["target_date"] = target.ToUnixTimeSeconds();
        if (TargetValue is double value) input["target_value"] = value;
        return input;
    }

    /// <summary>
    /// Problems Totara would refuse the values for, as (field, message): checked before sending
    /// so a bad row costs no request and its error names the field.
    /// </summary>
    public IEnumerable<(string Field, string Problem)> Problems(bool creating)
    {
        if (creating)
        {
            if (string.IsNullOrWhiteSpace(Name)) yield return ("Name", "a goal needs a name.");
            if (User is null) yield return ("User", "a goal needs the user it is for (only personal goals are supported).");
            if (StartDate is null) yield return ("StartDate", "a goal needs a start date.");
            if (TargetDate is null) yield return ("TargetDate", "a goal needs a target date.");
            if (TargetValue is null) yield return ("TargetValue", "a goal needs a target value.");
        }
        else if (Name is not null && Name.Trim().Length == 0)
        {
            yield return ("Name", "a goal's name cannot be empty.");
        }
        if (Name is { Length: > 1024 }) yield return ("Name", "a goal's name is at most 1024 characters.");
        if (StartDate is { } s && TargetDate is { } t && s > t) yield return ("TargetDate", "the target date is before the start date.");
        if (TargetValue is double v && (double.IsNaN(v) || v < 0 || v > 99999)) yield return ("TargetValue", $"{v.ToString(CultureInfo.InvariantCulture)} is not between 0 and 99999.");
        if (CurrentValue is double c && (double.IsNaN(c) || c < 0 || c > 99999)) yield return ("CurrentValue", $"{c.ToString(CultureInfo.InvariantCulture)} is not between 0 and 99999.");
        if (Status is not null && !Statuses.Contains(Status)) yield return ("Status", $"'{Status}' is not one of {string.Join(", ", Statuses)}.");
    }
}

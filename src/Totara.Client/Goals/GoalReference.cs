using System;
using System.Collections.Generic;
using System.Globalization;

namespace Totara.Client.Goals;

/// <summary>Totara's <c>perform_goal_reference</c>: names one goal by its id or its id_number.</summary>
public sealed class GoalReference
{
    private GoalReference(long? id, string? idNumber)
    {
        Id = id;
        IdNumber = idNumber;
    }

    /// <summary>The goal's id, when the reference is by id; else null.</summary>
    public long? Id { get; }

    /// <summary>The goal's id_number (trimmed), when the reference is by id_number; else null.</summary>
    public string? IdNumber { get; }

    /// <summary>A reference to the goal with this id.</summary>
    /// <param name="id">The goal's id, a positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is 0 or negative.</exception>
    public static GoalReference ById(long id) =>
        id > 0 ? new GoalReference(id, null) : throw new ArgumentOutOfRangeException(nameof(id), id, "A goal id is a positive number.");

    /// <summary>A reference to the goal with this id_number (trimmed; the site matches it exactly).</summary>
    /// <param name="idNumber">The goal's id_number.</param>
    /// <exception cref="ArgumentException"><paramref name="idNumber"/> is null, empty or white space.</exception>
    public static GoalReference ByIdNumber(string idNumber) =>
        string.IsNullOrWhiteSpace(idNumber)
            ? throw new ArgumentException("The id_number of a goal reference is empty.", nameof(idNumber))
            : new GoalReference(null, idNumber.Trim());

    /// <summary>The reference as the GraphQL input object, e.g. <c>{ id: 5 }</c>.</summary>
    public IDictionary<string, object?> ToInput() => Id is long id
        ? new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = id }
        : new Dictionary<string, object?>(StringComparer.Ordinal) { ["id_number"] = IdNumber };

    /// <inheritdoc/>
    public override string ToString() => Id is long id ? "id " + id.ToString(CultureInfo.InvariantCulture) : $"id_number '{IdNumber}'";
}

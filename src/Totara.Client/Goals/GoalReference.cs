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

    public long? Id { get; }

    public string? IdNumber { get; }

    public static GoalReference ById(long id) =>
        id > 0 ? new GoalReference(id, null) : throw new ArgumentOutOfRangeException(nameof(id), id, "A goal id is a positive number.");

    public static GoalReference ByIdNumber(string idNumber) =>
        string.IsNullOrWhiteSpace(idNumber)
            ? throw new ArgumentException("The id_number of a goal reference is empty.", nameof(idNumber))
            : new GoalReference(null, idNumber.Trim());

    /// <summary>The reference as the GraphQL input object, e.g. <c>{ id: 5 }</c>.</summary>
    public IDictionary<string, object?> ToInput() => Id is long id
        ? new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = id }
        : new Dictionary<string, object?>(StringComparer.Ordinal) { ["id_number"] = IdNumber };

    public override string ToString() => Id is long id ? "id " + id.ToString(CultureInfo.InvariantCulture) : $"id_number '{IdNumber}'";
}

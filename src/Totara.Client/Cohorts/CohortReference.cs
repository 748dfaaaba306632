using System;
using System.Collections.Generic;
using System.Globalization;

namespace Totara.Client.Cohorts;

/// <summary>
/// Totara's <c>core_cohort_cohort_reference</c>: names one audience by its id or its idnumber.
/// (The API has no reference by name: a name is resolved through the static audience list.)
/// </summary>
public sealed class CohortReference
{
    private CohortReference(long? id, string? idNumber)
    {
        Id = id;
        IdNumber = idNumber;
    }

    /// <summary>The audience's id, when the reference is by id; else null.</summary>
    public long? Id { get; }

    /// <summary>The audience's idnumber (trimmed), when the reference is by idnumber; else null.</summary>
    public string? IdNumber { get; }

    /// <summary>A reference to the audience with this id.</summary>
    /// <param name="id">The audience's id, a positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is 0 or negative.</exception>
    public static CohortReference ById(long id) =>
        id > 0 ? new CohortReference(id, null) : throw new ArgumentOutOfRangeException(nameof(id), id, "An audience id is a positive number.");

    /// <summary>A reference to the audience with this idnumber (trimmed; the site matches it exactly).</summary>
    /// <param name="idNumber">The audience's idnumber.</param>
    /// <exception cref="ArgumentException"><paramref name="idNumber"/> is null, empty or white space.</exception>
    public static CohortReference ByIdNumber(string idNumber) =>
        string.IsNullOrWhiteSpace(idNumber)
            ? throw new ArgumentException("The idnumber of an audience reference is empty.", nameof(idNumber))
            : new CohortReference(null, idNumber.Trim());

    /// <summary>The reference as the GraphQL input object, e.g. <c>{ id: 5 }</c>.</summary>
    public IDictionary<string, object?> ToInput() => Id is long id
        ? new Dictionary<string, object?>(StringComparer.Ordinal) { ["id"] = id }
        : new Dictionary<string, object?>(StringComparer.Ordinal) { ["idnumber"] = IdNumber };

    /// <inheritdoc/>
    public override string ToString() => Id is long id ? "id " + id.ToString(CultureInfo.InvariantCulture) : $"idnumber '{IdNumber}'";
}

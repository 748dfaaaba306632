using System;
using System.Collections.Generic;
using System.Globalization;

namespace Totara.Client.Courses;

/// <summary>
/// Totara's <c>core_course_course_reference</c>: names one course by its id, idnumber or
/// shortname (one key only here; the site ANDs several and requires exactly one match).
/// </summary>
public sealed class CourseReference
{
    private CourseReference(string field, string value)
    {
        FieldName = field;
        Value = value;
    }

    /// <summary>The API's field name: id, idnumber or shortname.</summary>
    public string FieldName { get; }

    /// <summary>The key's value as text (trimmed): the id's digits, the idnumber or the shortname.</summary>
    public string Value { get; }

    /// <summary>The id, when this reference is by id.</summary>
    public long? Id => FieldName == "id" ? long.Parse(Value, CultureInfo.InvariantCulture) : null;

    /// <summary>A reference to the course with this id.</summary>
    /// <param name="id">The course's id, a positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is 0 or negative.</exception>
    public static CourseReference ById(long id) =>
        id > 0 ? new CourseReference("id", id.ToString(CultureInfo.InvariantCulture))
               : throw new ArgumentOutOfRangeException(nameof(id), id, "A course id is a positive number.");

    /// <summary>A reference to the course with this idnumber (trimmed; the site matches it exactly).</summary>
    /// <param name="idNumber">The course's idnumber.</param>
    /// <exception cref="ArgumentException"><paramref name="idNumber"/> is null, empty or white space.</exception>
    public static CourseReference ByIdNumber(string idNumber) => new("idnumber", Require(idNumber, "idnumber"));

    /// <summary>A reference to the course with this shortname (trimmed; the site matches it exactly).</summary>
    /// <param name="shortName">The course's shortname.</param>
    /// <exception cref="ArgumentException"><paramref name="shortName"/> is null, empty or white space.</exception>
    public static CourseReference ByShortName(string shortName) => new("shortname", Require(shortName, "shortname"));

    /// <summary>The reference as the GraphQL input object, e.g. <c>{ shortname: "INDUCT" }</c>.</summary>
    public IDictionary<string, object?> ToInput() => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        [FieldName] = Id is long id ? id : Value,
    };

    /// <summary>e.g. <c>shortname 'INDUCT'</c> or <c>id 12</c>.</summary>
    public override string ToString() => Id is long id ? "id " + id.ToString(CultureInfo.InvariantCulture) : $"{FieldName} '{Value}'";

    private static string Require(string value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"The {what} of a course reference is empty.", what) : value.Trim();
}

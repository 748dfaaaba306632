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

    public string Value { get; }

    /// <summary>The id, when this reference is by id.</summary>
    public long? Id => FieldName == "id" ? long.Parse(Value, CultureInfo.InvariantCulture) : null;

    public static CourseReference ById(long id) =>
        id > 0 ? new CourseReference("id", id.ToString(CultureInfo.InvariantCulture))
               : throw new ArgumentOutOfRangeException(nameof(id), id, "A course id is a positive number.");

    public static CourseReference ByIdNumber(string idNumber) => new("idnumber", Require(idNumber, "idnumber"));

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

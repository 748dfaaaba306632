using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Totara.Client.Users;

/// <summary>
/// Which <c>core_user</c> fields to ask for. Every field costs one complexity point per user
/// returned, so lists ask for the default set unless more is wanted; the page and batch sizes
/// follow from <see cref="CostPerUser"/>.
/// </summary>
public sealed class UserFieldSet
{
    /// <summary>The name that asks for the user's custom profile fields (shortname, data, data type of each).</summary>
    public const string CustomFieldsField = "custom_fields";
    /// <summary>The name that asks for the user's job assignments (ids, idnumbers, names, dates, manager and appraiser ids).</summary>
    public const string JobAssignmentsField = "job_assignments";

    /// <summary>What the default view shows: always asked for.</summary>
    public static readonly IReadOnlyList<string> DefaultFields =
        new[] { "id", "username", "idnumber", "firstname", "lastname", "email", "suspended" };

    /// <summary>Every scalar field of core_user that a client may ask for, in display order.</summary>
    public static readonly IReadOnlyList<string> ScalarFields = new[]
    {
        "id", "username", "idnumber", "firstname", "lastname", "email", "suspended", "fullname", "middlename",
        "alternatename", "firstnamephonetic", "lastnamephonetic", "department", "institution", "city", "country",
        "address", "phone1", "phone2", "description", "descriptionformat", "url", "skype", "lang", "theme",
        "timezone", "interests", "firstaccess", "lastaccess",
    };

    // Estimated entries per user in the nested lists, for page sizing only.
    private const int AssumedCustomFields = 8;
    private const int AssumedJobAssignments = 2;

    private const string CustomFieldSelection = "custom_fields { shortname data data_type }";
    private const string JobAssignmentSelection =
        "job_assignments { id idnumber fullname shortname startdate(format: ISO8601) enddate(format: ISO8601) positionid organisationid managerjaid appraiserid }";

    private static readonly Dictionary<string, string> FormattedFields = new(StringComparer.Ordinal)
    {
        // Raw text as stored (the default would be rendered HTML); dates as ISO-8601.
        ["description"] = "description(format: RAW)",
        ["firstaccess"] = "firstaccess(format: ISO8601)",
        ["lastaccess"] = "lastaccess(format: ISO8601)",
    };

    private readonly List<string> _fields;

    private UserFieldSet(IEnumerable<string> fields)
    {
        var wanted = new HashSet<string>(fields, StringComparer.Ordinal);
        _fields = ScalarFields.Where(wanted.Contains).ToList();
        IncludesCustomFields = wanted.Contains(CustomFieldsField);
        IncludesJobAssignments = wanted.Contains(JobAssignmentsField);
    }

    /// <summary>The default view's fields only.</summary>
    public static UserFieldSet Default { get; } = new(DefaultFields);

    /// <summary>
    /// What a create asks back by default: the new user's id and its username as stored. The other
    /// default fields are known already: a create stores what was sent.
    /// </summary>
    public static UserFieldSet CreateAnswer { get; } = new(new[] { "id", "username" });

    /// <summary>Only the id: for a change whose answer nobody reads (no -PassThru), the cheapest answer there is.</summary>
    public static UserFieldSet IdOnly { get; } = new(new[] { "id" });

    /// <summary>Every field, custom fields and job assignments included.</summary>
    public static UserFieldSet All { get; } = new(ScalarFields.Concat(new[] { CustomFieldsField, JobAssignmentsField }));

    /// <summary>The default fields plus <paramref name="extra"/> (API names, e.g. department, custom_fields).</summary>
    public static UserFieldSet With(IEnumerable<string> extra)
    {
        var names = (extra ?? Enumerable.Empty<string>()).Select(name => (name ?? "").Trim().ToLowerInvariant()).ToList();
        var unknown = names.Where(name => !IsKnown(name)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException(
                $"Unknown user field(s): {string.Join(", ", unknown)}. Known fields: {string.Join(", ", ScalarFields)}, {CustomFieldsField}, {JobAssignmentsField}.",
                nameof(extra));
        return new UserFieldSet(DefaultFields.Concat(names));
    }

    /// <summary>
    /// Only <paramref name="fields"/> (and the id): for a reader that compares a few fields, since
    /// Totara charges one point per field per user.
    /// </summary>
    public static UserFieldSet Exactly(IEnumerable<string> fields)
    {
        var names = (fields ?? Enumerable.Empty<string>()).Select(name => (name ?? "").Trim().ToLowerInvariant()).ToList();
        var unknown = names.Where(name => !IsKnown(name)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown user field(s): {string.Join(", ", unknown)}.", nameof(fields));
        return new UserFieldSet(Enumerable.Repeat("id", 1).Concat(names));
    }

    /// <summary>True when <paramref name="name"/> (an API name, lower case) is one of <see cref="ScalarFields"/>, <see cref="CustomFieldsField"/> or <see cref="JobAssignmentsField"/>.</summary>
    /// <param name="name">The field's API name.</param>
    public static bool IsKnown(string name) =>
        ScalarFields.Contains(name, StringComparer.Ordinal) || name == CustomFieldsField || name == JobAssignmentsField;

    /// <summary>The scalar fields asked for, in display order.</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>True when the user's custom profile fields are asked for (about 25 points a user more).</summary>
    public bool IncludesCustomFields { get; }

    /// <summary>True when the user's job assignments are asked for (about 21 points a user more).</summary>
    public bool IncludesJobAssignments { get; }

    /// <summary>True when <paramref name="field"/> is asked for: a scalar field, <see cref="CustomFieldsField"/> or <see cref="JobAssignmentsField"/>.</summary>
    /// <param name="field">The field's API name.</param>
    public bool Includes(string field) =>
        field == CustomFieldsField ? IncludesCustomFields
        : field == JobAssignmentsField ? IncludesJobAssignments
        : _fields.Contains(field, StringComparer.Ordinal);

    /// <summary>The selection set of one core_user, without braces.</summary>
    public string Selection
    {
        get
        {
            var text = new StringBuilder();
            foreach (var name in _fields)
                text.Append(FormattedFields.TryGetValue(name, out var formatted) ? formatted : name).Append(' ');
            if (IncludesCustomFields) text.Append(CustomFieldSelection).Append(' ');
            if (IncludesJobAssignments) text.Append(JobAssignmentSelection).Append(' ');
            return text.ToString().TrimEnd();
        }
    }

    /// <summary>Estimated complexity points one returned user costs (for page sizing).</summary>
    public int CostPerUser =>
        _fields.Count
        + (IncludesCustomFields ? 1 + AssumedCustomFields * 3 : 0)
        + (IncludesJobAssignments ? 1 + AssumedJobAssignments * 10 : 0);

    /// <inheritdoc/>
    public override string ToString() => Selection;
}

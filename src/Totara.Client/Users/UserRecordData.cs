using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Totara.Client.Users;

/// <summary>
/// A user as the site returned it. Only the fields that were asked for are filled in;
/// <see cref="Fields"/> says which those are, so "not asked for" is never mistaken for "empty".
/// </summary>
public sealed class UserRecordData
{
    private readonly Dictionary<string, string?> _values;

    private UserRecordData(long id, Dictionary<string, string?> values, IReadOnlyDictionary<string, string>? customFields,
        IReadOnlyList<UserJobAssignmentData>? jobAssignments)
    {
        Id = id;
        _values = values;
        CustomFields = customFields;
        JobAssignments = jobAssignments;
    }

    /// <summary>The user's id; every answer has it (<see cref="FromJson"/> refuses one without).</summary>
    public long Id { get; }

    /// <summary>The API fields present in the answer (custom_fields and job_assignments included when asked for).</summary>
    public IEnumerable<string> Fields =>
        _values.Keys
            .Concat(CustomFields is null ? Enumerable.Empty<string>() : new[] { UserFieldSet.CustomFieldsField })
            .Concat(JobAssignments is null ? Enumerable.Empty<string>() : new[] { UserFieldSet.JobAssignmentsField });

    /// <summary>The username, when asked for; null when not asked for (see <see cref="Has"/>).</summary>
    public string? Username => Get("username");

    /// <summary>The idnumber, when asked for (empty when the user has none); null when not asked for.</summary>
    public string? IdNumber => Get("idnumber");

    /// <summary>The email address, when asked for; null when not asked for.</summary>
    public string? Email => Get("email");

    /// <summary>The first name, when asked for; null when not asked for.</summary>
    public string? FirstName => Get("firstname");

    /// <summary>The last name, when asked for; null when not asked for.</summary>
    public string? LastName => Get("lastname");

    /// <summary>True/false when asked for; null when not.</summary>
    public bool? Suspended => Get("suspended") is { } text ? text == "true" : null;

    /// <summary>Custom profile fields by shortname; null when not asked for.</summary>
    public IReadOnlyDictionary<string, string>? CustomFields { get; }

    /// <summary>The user's job assignments; null when not asked for.</summary>
    public IReadOnlyList<UserJobAssignmentData>? JobAssignments { get; }

    /// <summary>True when <paramref name="field"/> (an API name) was in the answer.</summary>
    public bool Has(string field) => _values.ContainsKey(field);

    /// <summary>A scalar field's value as text (booleans "true"/"false"); null when absent or null.</summary>
    public string? Get(string field) => _values.TryGetValue(field, out var value) ? value : null;

    /// <summary>Reads one <c>core_user</c> object of an answer.</summary>
    public static UserRecordData FromJson(JsonElement user)
    {
        if (user.ValueKind != JsonValueKind.Object)
            throw new TotaraException($"Expected a user object in the answer, found {user.ValueKind}.");

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        IReadOnlyDictionary<string, string>? customFields = null;
        IReadOnlyList<UserJobAssignmentData>? jobs = null;
        foreach (var property in user.EnumerateObject())
        {
            switch (property.Name)
            {
                case UserFieldSet.CustomFieldsField:
                    customFields = ReadCustomFields(property.Value);
                    break;
                case UserFieldSet.JobAssignmentsField:
                    jobs = property.Value.ValueKind == JsonValueKind.Array
                        ? property.Value.EnumerateArray().Select(UserJobAssignmentData.FromJson).ToList()
                        : Array.Empty<UserJobAssignmentData>();
                    break;
                default:
                    values[property.Name] = JsonValues.Text(property.Value);
                    break;
            }
        }

        var idText = values.TryGetValue("id", out var raw) ? raw : null;
        if (!long.TryParse(idText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            throw new TotaraException("The answer's user has no id; ask for the id field.");
        return new UserRecordData(id, values, customFields, jobs);
    }

    /// <summary>
    /// This answer to a create, with the default view's fields it lacks taken from what the create
    /// sent (a create stores the values as given; idnumber defaults to empty, suspended to false).
    /// </summary>
    internal UserRecordData CompletedWith(UserChange sent)
    {
        var values = new Dictionary<string, string?>(_values, StringComparer.Ordinal);
        foreach (var field in new[] { "username", "idnumber", "firstname", "lastname", "email" })
            if (!values.ContainsKey(field)) values[field] = sent.GetText(field) ?? "";
        if (!values.ContainsKey("suspended")) values["suspended"] = sent.GetFlag("suspended") == true ? "true" : "false";
        return new UserRecordData(Id, values, CustomFields, JobAssignments);
    }

    /// <inheritdoc/>
    public override string ToString() => Username ?? $"user {Id}";

    private static IReadOnlyDictionary<string, string> ReadCustomFields(JsonElement list)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (list.ValueKind != JsonValueKind.Array) return fields;
        foreach (var entry in list.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("shortname", out var name)) continue;
            var shortName = JsonValues.Text(name);
            if (string.IsNullOrEmpty(shortName)) continue;
            fields[shortName!] = entry.TryGetProperty("data", out var data) ? JsonValues.Text(data) ?? "" : "";
        }
        return fields;
    }
}

/// <summary>One job assignment of a user, as far as <c>Get-TotaraUser -Property JobAssignments</c> reads it.</summary>
public sealed class UserJobAssignmentData
{
    /// <summary>The assignment's id; null when the site sent none.</summary>
    public long? Id { get; private set; }

    /// <summary>The assignment's idnumber, unique within the user; null when the site sent none.</summary>
    public string? IdNumber { get; private set; }

    /// <summary>The assignment's full name; null when it has none.</summary>
    public string? FullName { get; private set; }

    /// <summary>The assignment's short name; null when it has none.</summary>
    public string? ShortName { get; private set; }

    /// <summary>The start date as the site formats it (asked as ISO-8601), unparsed; null when it has none.</summary>
    public string? StartDate { get; private set; }

    /// <summary>The end date as the site formats it (asked as ISO-8601), unparsed; null when it has none.</summary>
    public string? EndDate { get; private set; }

    /// <summary>The position's id; null when the assignment has no position.</summary>
    public long? PositionId { get; private set; }

    /// <summary>The organisation's id; null when the assignment has no organisation.</summary>
    public long? OrganisationId { get; private set; }

    /// <summary>The id of the manager's job assignment (not the manager's user id); null when there is no manager.</summary>
    public long? ManagerJobAssignmentId { get; private set; }

    /// <summary>The appraiser's user id; null when there is no appraiser.</summary>
    public long? AppraiserId { get; private set; }

    /// <summary>Reads one entry of a user's <c>job_assignments</c>; missing fields stay null.</summary>
    /// <param name="element">The entry's JSON object.</param>
    public static UserJobAssignmentData FromJson(JsonElement element) => new()
    {
        Id = JsonValues.Long(element, "id"),
        IdNumber = JsonValues.Text(element, "idnumber"),
        FullName = JsonValues.Text(element, "fullname"),
        ShortName = JsonValues.Text(element, "shortname"),
        StartDate = JsonValues.Text(element, "startdate"),
        EndDate = JsonValues.Text(element, "enddate"),
        PositionId = JsonValues.Long(element, "positionid"),
        OrganisationId = JsonValues.Long(element, "organisationid"),
        ManagerJobAssignmentId = JsonValues.Long(element, "managerjaid"),
        AppraiserId = JsonValues.Long(element, "appraiserid"),
    };

    /// <inheritdoc/>
    public override string ToString() => IdNumber ?? FullName ?? $"job assignment {Id}";
}

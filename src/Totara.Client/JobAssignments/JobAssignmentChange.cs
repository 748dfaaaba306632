using System;
using System.Collections.Generic;
using System.Globalization;
using Totara.Client.Users;

namespace Totara.Client.JobAssignments;

/// <summary>
/// The fields to send in a <c>totara_job_create_job_assignment</c> or
/// <c>totara_job_update_job_assignment</c> input. Only fields that were set are sent; setting a
/// field to null sends null, which clears it on the site. Positions and organisations are named
/// by idnumber, managers by job-assignment reference, the appraiser by user reference.
/// </summary>
public sealed class JobAssignmentChange
{
    /// <summary>The input field of the assignment's idnumber (its key within the user).</summary>
    public const string IdNumberField = "idnumber";
    /// <summary>The input field of the assignment's full name.</summary>
    public const string FullNameField = "fullname";
    /// <summary>The input field of the assignment's short name.</summary>
    public const string ShortNameField = "shortname";
    /// <summary>The input field of the start date (unix seconds).</summary>
    public const string StartDateField = "start_date";
    /// <summary>The input field of the end date (unix seconds).</summary>
    public const string EndDateField = "end_date";
    /// <summary>The input field of the position (a reference by idnumber).</summary>
    public const string PositionField = "position";
    /// <summary>The input field of the organisation (a reference by idnumber).</summary>
    public const string OrganisationField = "organisation";
    /// <summary>The input field of the manager's job assignment (a job-assignment reference).</summary>
    public const string ManagerField = "manager";
    /// <summary>The input field of the appraiser (a user reference).</summary>
    public const string AppraiserField = "appraiser";
    /// <summary>The input field of the temporary manager's job assignment (a job-assignment reference).</summary>
    public const string TempManagerField = "temp_manager";
    /// <summary>The input field of the temporary manager's expiry date (unix seconds).</summary>
    public const string TempManagerExpiryField = "temp_manager_expiry_date";

    // Insertion order is kept so messages list the fields as they were set.
    private readonly List<string> _order = new();
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    /// <summary>A new idnumber for the assignment (updates; a create takes its idnumber separately).</summary>
    public JobAssignmentChange SetIdNumber(string idNumber) =>
        Put(IdNumberField, string.IsNullOrWhiteSpace(idNumber) ? throw new ArgumentException("A job assignment idnumber cannot be empty.", nameof(idNumber)) : idNumber.Trim());

    /// <summary>The full name; null sends an empty name, which clears it.</summary>
    /// <param name="fullName">The new full name, or null to clear it.</param>
    /// <returns>This change, to set more fields.</returns>
    public JobAssignmentChange SetFullName(string? fullName) => Put(FullNameField, fullName ?? "");

    /// <summary>The short name; null sends an empty name, which clears it.</summary>
    /// <param name="shortName">The new short name, or null to clear it.</param>
    /// <returns>This change, to set more fields.</returns>
    public JobAssignmentChange SetShortName(string? shortName) => Put(ShortNameField, shortName ?? "");

    /// <summary>The start date; null clears it.</summary>
    public JobAssignmentChange SetStartDate(DateTimeOffset? date) => Put(StartDateField, date);

    /// <summary>The end date; null clears it.</summary>
    public JobAssignmentChange SetEndDate(DateTimeOffset? date) => Put(EndDateField, date);

    /// <summary>The position by idnumber; null or empty clears it.</summary>
    public JobAssignmentChange SetPosition(string? positionIdNumber) => Put(PositionField, Blank(positionIdNumber));

    /// <summary>The organisation by idnumber; null or empty clears it.</summary>
    public JobAssignmentChange SetOrganisation(string? organisationIdNumber) => Put(OrganisationField, Blank(organisationIdNumber));

    /// <summary>The manager's job assignment; null clears the manager.</summary>
    public JobAssignmentChange SetManager(JobAssignmentReference? manager) => Put(ManagerField, manager);

    /// <summary>The appraiser; null clears it.</summary>
    public JobAssignmentChange SetAppraiser(UserReference? appraiser) => Put(AppraiserField, appraiser);

    /// <summary>The temporary manager's job assignment; null clears it. Totara requires an expiry date with a temporary manager.</summary>
    public JobAssignmentChange SetTempManager(JobAssignmentReference? tempManager) => Put(TempManagerField, tempManager);

    /// <summary>When the temporary manager stops managing (must be in the future).</summary>
    public JobAssignmentChange SetTempManagerExpiry(DateTimeOffset? date) => Put(TempManagerExpiryField, date);

    /// <summary>The new idnumber, when set; else null.</summary>
    public string? IdNumber => Get<string>(IdNumberField);

    /// <summary>The full name to send, when set (empty when set to clear it); else null.</summary>
    public string? FullName => Get<string>(FullNameField);

    /// <summary>The short name to send, when set (empty when set to clear it); else null.</summary>
    public string? ShortName => Get<string>(ShortNameField);

    /// <summary>The start date, when set to one; null both when unset and when set to clear it (see <see cref="IsSet"/>).</summary>
    public DateTimeOffset? StartDate => _values.TryGetValue(StartDateField, out var v) ? (DateTimeOffset?)v : null;

    /// <summary>The end date, when set to one; null both when unset and when set to clear it (see <see cref="IsSet"/>).</summary>
    public DateTimeOffset? EndDate => _values.TryGetValue(EndDateField, out var v) ? (DateTimeOffset?)v : null;

    /// <summary>The temporary manager's expiry date, when set to one; null both when unset and when set to clear it (see <see cref="IsSet"/>).</summary>
    public DateTimeOffset? TempManagerExpiry => _values.TryGetValue(TempManagerExpiryField, out var v) ? (DateTimeOffset?)v : null;

    /// <summary>The position's idnumber (trimmed), when set to one; null both when unset and when set to clear it (see <see cref="IsSet"/>).</summary>
    public string? Position => Get<string>(PositionField);

    /// <summary>The organisation's idnumber (trimmed), when set to one; null both when unset and when set to clear it (see <see cref="IsSet"/>).</summary>
    public string? Organisation => Get<string>(OrganisationField);

    /// <summary>The manager's assignment, when set to one (see <see cref="IsSet"/> for "set to none").</summary>
    public JobAssignmentReference? Manager => Get<JobAssignmentReference>(ManagerField);

    /// <summary>The temporary manager's assignment, when set to one (see <see cref="IsSet"/> for "set to none").</summary>
    public JobAssignmentReference? TempManager => Get<JobAssignmentReference>(TempManagerField);

    /// <summary>The appraiser, when set to one (see <see cref="IsSet"/> for "set to none").</summary>
    public UserReference? Appraiser => Get<UserReference>(AppraiserField);

    /// <summary>The API names of the fields that will be sent, in the order they were set.</summary>
    public IReadOnlyList<string> SetFields => _order;

    /// <summary>True when no field is set, so an update would send nothing.</summary>
    public bool IsEmpty => _order.Count == 0;

    /// <summary>True when <paramref name="field"/> will be sent, also when it was set to null to clear it.</summary>
    /// <param name="field">An API field name, one of the <c>*Field</c> constants.</param>
    public bool IsSet(string field) => _values.ContainsKey(field);

    /// <summary>The input object for the mutation: exactly the fields that were set (dates as Unix seconds).</summary>
    public IDictionary<string, object?> ToInput()
    {
        var input = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in _order)
        {
            input[field] = _values[field] switch
            {
                DateTimeOffset date => date.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                JobAssignmentReference job => job.ToInput(),
                UserReference user => user.ToInput(),
                string idNumber when field is PositionField or OrganisationField =>
                    new Dictionary<string, object?>(StringComparer.Ordinal) { ["idnumber"] = idNumber },
                var other => other,
            };
        }
        return input;
    }

    /// <summary>Names the fields, not their values.</summary>
    public override string ToString() => IsEmpty ? "no fields" : "fields: " + string.Join(", ", _order);

    private JobAssignmentChange Put(string field, object? value)
    {
        if (!_values.ContainsKey(field)) _order.Add(field);
        _values[field] = value;
        return this;
    }

    private T? Get<T>(string field) where T : class => _values.TryGetValue(field, out var value) ? value as T : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
}

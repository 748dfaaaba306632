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
    public const string IdNumberField = "idnumber";
    public const string FullNameField = "fullname";
    public const string ShortNameField = "shortname";
    public const string StartDateField = "start_date";
    public const string EndDateField = "end_date";
    public const string PositionField = "position";
    public const string OrganisationField = "organisation";
    public const string ManagerField = "manager";
    public const string AppraiserField = "appraiser";
    public const string TempManagerField = "temp_manager";
    public const string TempManagerExpiryField = "temp_manager_expiry_date";

    // Insertion order is kept so messages list the fields as they were set.
    private readonly List<string> _order = new();
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    /// <summary>A new idnumber for the assignment (updates; a create takes its idnumber separately).</summary>
    public JobAssignmentChange SetIdNumber(string idNumber) =>
        Put(IdNumberField, string.IsNullOrWhiteSpace(idNumber) ? throw new ArgumentException("A job assignment idnumber cannot be empty.", nameof(idNumber)) : idNumber.Trim());

    public JobAssignmentChange SetFullName(string? fullName) => Put(FullNameField, fullName ?? "");

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

    public string? IdNumber => Get<string>(IdNumberField);

    public string? FullName => Get<string>(FullNameField);

    public string? ShortName => Get<string>(ShortNameField);

    public DateTimeOffset? StartDate => _values.TryGetValue(StartDateField, out var v) ? (DateTimeOffset?)v : null;

    public DateTimeOffset? EndDate => _values.TryGetValue(EndDateField, out var v) ? (DateTimeOffset?)v : null;

    public DateTimeOffset? TempManagerExpiry => _values.TryGetValue(TempManagerExpiryField, out var v) ? (DateTimeOffset?)v : null;

    public string? Position => Get<string>(PositionField);

    public string? Organisation => Get<string>(OrganisationField);

    /// <summary>The manager's assignment, when set to one (see <see cref="IsSet"/> for "set to none").</summary>
    public JobAssignmentReference? Manager => Get<JobAssignmentReference>(ManagerField);

    public JobAssignmentReference? TempManager => Get<JobAssignmentReference>(TempManagerField);

    public UserReference? Appraiser => Get<UserReference>(AppraiserField);

    /// <summary>The API names of the fields that will be sent, in the order they were set.</summary>
    public IReadOnlyList<string> SetFields => _order;

    public bool IsEmpty => _order.Count == 0;

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

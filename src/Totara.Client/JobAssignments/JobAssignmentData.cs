using System;
using System.Text.Json;

namespace Totara.Client.JobAssignments;

/// <summary>
/// A job assignment as the site returned it, with the user, position, organisation, managers and
/// appraiser named by their keys (ids, idnumbers, usernames), so it can be shown and matched
/// against HR data without further reads.
/// </summary>
public sealed class JobAssignmentData
{
    /// <summary>What every read asks for (<see cref="Cost"/> complexity points per assignment).</summary>
    public const string Selection =
        "id idnumber fullname shortname startdate enddate " +
        "user { id username idnumber fullname } " +
        "position { id idnumber fullname } organisation { id idnumber fullname } " +
        "managerja { id idnumber user { id username idnumber } } " +
        "tempmanagerja { id idnumber user { id username idnumber } } tempmanagerexpirydate " +
        "appraiser { id username idnumber }";

    /// <summary>What Totara charges per assignment read: one point per field, nested objects' fields included.</summary>
    public static readonly int Cost = Selection.Split(new[] { ' ', '{', '}' }, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The assignment's id on the site.</summary>
    public long Id { get; private set; }

    /// <summary>The assignment's idnumber, unique within its user; empty when the site sent none.</summary>
    public string IdNumber { get; private set; } = "";

    /// <summary>The assignment's full name; null when it has none.</summary>
    public string? FullName { get; private set; }

    /// <summary>The assignment's short name; null when it has none.</summary>
    public string? ShortName { get; private set; }

    /// <summary>When the assignment starts (from unix seconds); null when it has no start date.</summary>
    public DateTimeOffset? StartDate { get; private set; }

    /// <summary>When the assignment ends (from unix seconds); null when it has no end date.</summary>
    public DateTimeOffset? EndDate { get; private set; }

    /// <summary>The user holding the assignment.</summary>
    public JobAssignmentPerson User { get; private set; } = JobAssignmentPerson.Unknown;

    /// <summary>The position's id; null when the assignment has no position.</summary>
    public long? PositionId { get; private set; }

    /// <summary>The position's idnumber; null when the assignment has no position, or the position has no idnumber.</summary>
    public string? PositionIdNumber { get; private set; }

    /// <summary>The position's full name; null when the assignment has no position.</summary>
    public string? PositionName { get; private set; }

    /// <summary>The organisation's id; null when the assignment has no organisation.</summary>
    public long? OrganisationId { get; private set; }

    /// <summary>The organisation's idnumber; null when the assignment has no organisation, or the organisation has no idnumber.</summary>
    public string? OrganisationIdNumber { get; private set; }

    /// <summary>The organisation's full name; null when the assignment has no organisation.</summary>
    public string? OrganisationName { get; private set; }

    /// <summary>The manager's job assignment id; null when the assignment has no manager.</summary>
    public long? ManagerJobAssignmentId { get; private set; }

    /// <summary>The idnumber of the manager's job assignment; null when the assignment has no manager.</summary>
    public string? ManagerJobAssignmentIdNumber { get; private set; }

    /// <summary>The manager (the user holding the manager's job assignment); null when none.</summary>
    public JobAssignmentPerson? Manager { get; private set; }

    /// <summary>The temporary manager's job assignment id; null when the assignment has no temporary manager.</summary>
    public long? TempManagerJobAssignmentId { get; private set; }

    /// <summary>The idnumber of the temporary manager's job assignment; null when there is no temporary manager.</summary>
    public string? TempManagerJobAssignmentIdNumber { get; private set; }

    /// <summary>The temporary manager (the user holding that job assignment); null when none.</summary>
    public JobAssignmentPerson? TempManager { get; private set; }

    /// <summary>When the temporary manager stops managing (from unix seconds); null when there is no temporary manager.</summary>
    public DateTimeOffset? TempManagerExpiryDate { get; private set; }

    /// <summary>The appraiser; null when the assignment has none.</summary>
    public JobAssignmentPerson? Appraiser { get; private set; }

    /// <summary>Reads one <c>totara_job_job_assignment</c> object asked for with <see cref="Selection"/>.</summary>
    public static JobAssignmentData FromJson(JsonElement job)
    {
        if (job.ValueKind != JsonValueKind.Object)
            throw new TotaraException($"Expected a job assignment object in the answer, found {job.ValueKind}.");
        var id = JsonValues.Long(job, "id") ?? throw new TotaraException("The answer's job assignment has no id.");
        var manager = Object(job, "managerja");
        var temp = Object(job, "tempmanagerja");
        var position = Object(job, "position");
        var organisation = Object(job, "organisation");
        return new JobAssignmentData
        {
            Id = id,
            IdNumber = JsonValues.Text(job, "idnumber") ?? "",
            FullName = JsonValues.Text(job, "fullname"),
            ShortName = JsonValues.Text(job, "shortname"),
            StartDate = JsonValues.Timestamp(job, "startdate"),
            EndDate = JsonValues.Timestamp(job, "enddate"),
            User = JobAssignmentPerson.From(Object(job, "user")) ?? JobAssignmentPerson.Unknown,
            PositionId = JsonValues.Long(position, "id"),
            PositionIdNumber = JsonValues.Text(position, "idnumber"),
            PositionName = JsonValues.Text(position, "fullname"),
            OrganisationId = JsonValues.Long(organisation, "id"),
            OrganisationIdNumber = JsonValues.Text(organisation, "idnumber"),
            OrganisationName = JsonValues.Text(organisation, "fullname"),
            ManagerJobAssignmentId = JsonValues.Long(manager, "id"),
            ManagerJobAssignmentIdNumber = JsonValues.Text(manager, "idnumber"),
            Manager = JobAssignmentPerson.From(Object(manager, "user")),
            TempManagerJobAssignmentId = JsonValues.Long(temp, "id"),
            TempManagerJobAssignmentIdNumber = JsonValues.Text(temp, "idnumber"),
            TempManager = JobAssignmentPerson.From(Object(temp, "user")),
            TempManagerExpiryDate = JsonValues.Timestamp(job, "tempmanagerexpirydate"),
            Appraiser = JobAssignmentPerson.From(Object(job, "appraiser")),
        };
    }

    /// <inheritdoc/>
    public override string ToString() => $"{IdNumber} ({User})";

    internal static JsonElement? Object(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;



}

/// <summary>A user named on a job assignment (holder, manager, temporary manager or appraiser).</summary>
public sealed class JobAssignmentPerson
{
    /// <summary>Names one user by the keys the site returned.</summary>
    /// <param name="id">The user's id.</param>
    /// <param name="username">The user's username, if returned.</param>
    /// <param name="idNumber">The user's idnumber, if returned.</param>
    /// <param name="fullName">The user's full name (read for the holder only).</param>
    public JobAssignmentPerson(long id, string? username, string? idNumber, string? fullName = null)
    {
        Id = id;
        Username = username;
        IdNumber = idNumber;
        FullName = fullName;
    }

    internal static JobAssignmentPerson Unknown { get; } = new(0, null, null);

    /// <summary>The user's id; 0 when the site named no holder.</summary>
    public long Id { get; }

    /// <summary>The user's username; null when the site did not return it.</summary>
    public string? Username { get; }

    /// <summary>The user's idnumber; null when the user has none.</summary>
    public string? IdNumber { get; }

    /// <summary>Only read for the holder of the assignment.</summary>
    public string? FullName { get; }

    /// <inheritdoc/>
    public override string ToString() => Username ?? IdNumber ?? $"user {Id}";

    internal static JobAssignmentPerson? From(JsonElement? user) =>
        user is { } u && JsonValues.Long(u, "id") is long id
            ? new JobAssignmentPerson(id, JsonValues.Text(u, "username"), JsonValues.Text(u, "idnumber"), JsonValues.Text(u, "fullname"))
            : null;
}

using System;
using System.Globalization;
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

    public long Id { get; private set; }

    public string IdNumber { get; private set; } = "";

    public string? FullName { get; private set; }

    public string? ShortName { get; private set; }

    public DateTimeOffset? StartDate { get; private set; }

    public DateTimeOffset? EndDate { get; private set; }

    /// <summary>The user holding the assignment.</summary>
    public JobAssignmentPerson User { get; private set; } = JobAssignmentPerson.Unknown;

    public long? PositionId { get; private set; }

    public string? PositionIdNumber { get; private set; }

    public string? PositionName { get; private set; }

    public long? OrganisationId { get; private set; }

    public string? OrganisationIdNumber { get; private set; }

    public string? OrganisationName { get; private set; }

    /// <summary>The manager's job assignment id; null when the assignment has no manager.</summary>
    public long? ManagerJobAssignmentId { get; private set; }

    public string? ManagerJobAssignmentIdNumber { get; private set; }

    /// <summary>The manager (the user holding the manager's job assignment); null when none.</summary>
    public JobAssignmentPerson? Manager { get; private set; }

    public long? TempManagerJobAssignmentId { get; private set; }

    public string? TempManagerJobAssignmentIdNumber { get; private set; }

    public JobAssignmentPerson? TempManager { get; private set; }

    public DateTimeOffset? TempManagerExpiryDate { get; private set; }

    public JobAssignmentPerson? Appraiser { get; private set; }

    /// <summary>Reads one <c>totara_job_job_assignment</c> object asked for with <see cref="Selection"/>.</summary>
    public static JobAssignmentData FromJson(JsonElement job)
    {
        if (job.ValueKind != JsonValueKind.Object)
            throw new TotaraException($"Expected a job assignment object in the answer, found {job.ValueKind}.");
        var id = Long(job, "id") ?? throw new TotaraException("The answer's job assignment has no id.");
        var manager = Object(job, "managerja");
        var temp = Object(job, "tempmanagerja");
        var position = Object(job, "position");
        var organisation = Object(job, "organisation");
        return new JobAssignmentData
        {
            Id = id,
            IdNumber = Text(job, "idnumber") ?? "",
            FullName = Text(job, "fullname"),
            ShortName = Text(job, "shortname"),
            StartDate = Date(job, "startdate"),
            EndDate = Date(job, "enddate"),
            User = JobAssignmentPerson.From(Object(job, "user")) ?? JobAssignmentPerson.Unknown,
            PositionId = Long(position, "id"),
            PositionIdNumber = Text(position, "idnumber"),
            PositionName = Text(position, "fullname"),
            OrganisationId = Long(organisation, "id"),
            OrganisationIdNumber = Text(organisation, "idnumber"),
            OrganisationName = Text(organisation, "fullname"),
            ManagerJobAssignmentId = Long(manager, "id"),
            ManagerJobAssignmentIdNumber = Text(manager, "idnumber"),
            Manager = JobAssignmentPerson.From(Object(manager, "user")),
            TempManagerJobAssignmentId = Long(temp, "id"),
            TempManagerJobAssignmentIdNumber = Text(temp, "idnumber"),
            TempManager = JobAssignmentPerson.From(Object(temp, "user")),
            TempManagerExpiryDate = Date(job, "tempmanagerexpirydate"),
            Appraiser = JobAssignmentPerson.From(Object(job, "appraiser")),
        };
    }

    public override string ToString() => $"{IdNumber} ({User})";

    internal static JsonElement? Object(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    internal static string? Text(JsonElement? parent, string name)
    {
        if (parent is not { ValueKind: JsonValueKind.Object } p || !p.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    internal static long? Long(JsonElement? parent, string name) =>
        long.TryParse(Text(parent, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    // Dates are asked for in the default TIMESTAMP format; Totara reports "no date" as null (or 0).
    private static DateTimeOffset? Date(JsonElement parent, string name) =>
        Long(parent, name) is long seconds && seconds > 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}

/// <summary>A user named on a job assignment (holder, manager, temporary manager or appraiser).</summary>
public sealed class JobAssignmentPerson
{
    public JobAssignmentPerson(long id, string? username, string? idNumber, string? fullName = null)
    {
        Id = id;
        Username = username;
        IdNumber = idNumber;
        FullName = fullName;
    }

    internal static JobAssignmentPerson Unknown { get; } = new(0, null, null);

    public long Id { get; }

    public string? Username { get; }

    public string? IdNumber { get; }

    /// <summary>Only read for the holder of the assignment.</summary>
    public string? FullName { get; }

    public override string ToString() => Username ?? IdNumber ?? $"user {Id}";

    internal static JobAssignmentPerson? From(JsonElement? user) =>
        user is { } u && JobAssignmentData.Long(u, "id") is long id
            ? new JobAssignmentPerson(id, JobAssignmentData.Text(u, "username"), JobAssignmentData.Text(u, "idnumber"), JobAssignmentData.Text(u, "fullname"))
            : null;
}

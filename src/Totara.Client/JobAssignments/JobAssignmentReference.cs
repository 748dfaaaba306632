using System;
using System.Collections.Generic;
using System.Globalization;
using Totara.Client.Users;

namespace Totara.Client.JobAssignments;

/// <summary>
/// Totara's <c>totara_job_job_assignment_reference</c>: an id, or an idnumber, optionally with
/// the user who holds it. Job idnumbers are unique per user only, so an idnumber alone must be
/// unique on the whole site; a user alone names that user's only assignment.
/// </summary>
public sealed class JobAssignmentReference : IEquatable<JobAssignmentReference>
{
    private JobAssignmentReference(long? id, string? idNumber, UserReference? user)
    {
        Id = id;
        IdNumber = idNumber;
        User = user;
    }

    /// <summary>The assignment's id, when the reference is by id.</summary>
    public long? Id { get; }

    /// <summary>The assignment's idnumber (unique per user), when given.</summary>
    public string? IdNumber { get; }

    /// <summary>The user holding the assignment, when given.</summary>
    public UserReference? User { get; }

    /// <summary>A reference to the assignment with this id.</summary>
    /// <param name="id">The assignment's id, a positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is 0 or negative.</exception>
    public static JobAssignmentReference ById(long id) =>
        id > 0 ? new JobAssignmentReference(id, null, null)
               : throw new ArgumentOutOfRangeException(nameof(id), id, "A job assignment id is a positive number.");

    /// <summary>The assignment <paramref name="idNumber"/> of <paramref name="user"/> (the compound key HR Import uses).</summary>
    public static JobAssignmentReference ByIdNumber(UserReference user, string idNumber) =>
        new(null, Require(idNumber), user ?? throw new ArgumentNullException(nameof(user)));

    /// <summary>By idnumber alone: the site refuses it unless exactly one assignment has it.</summary>
    public static JobAssignmentReference ByIdNumber(string idNumber) => new(null, Require(idNumber), null);

    /// <summary>The user's only job assignment (the site refuses it when the user has several).</summary>
    public static JobAssignmentReference ForUser(UserReference user) =>
        new(null, null, user ?? throw new ArgumentNullException(nameof(user)));

    /// <summary>The reference as the GraphQL input object, e.g. <c>{ idnumber: "J1", user: { idnumber: "E1" } }</c>.</summary>
    public IDictionary<string, object?> ToInput()
    {
        var input = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (Id is long id) input["id"] = id;
        if (IdNumber is not null) input["idnumber"] = IdNumber;
        if (User is not null) input["user"] = User.ToInput();
        return input;
    }

    /// <summary>True when <paramref name="other"/> names the assignment by the same id, idnumber (ordinal) and user reference.</summary>
    /// <param name="other">The reference to compare with; null is never equal.</param>
    public bool Equals(JobAssignmentReference? other) =>
        other is not null && other.Id == Id && string.Equals(other.IdNumber, IdNumber, StringComparison.Ordinal) && Equals(other.User, User);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as JobAssignmentReference);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        (Id?.GetHashCode() ?? 0) ^ (IdNumber is null ? 0 : StringComparer.Ordinal.GetHashCode(IdNumber)) ^ (User?.GetHashCode() ?? 0);

    /// <summary>How messages name the assignment, e.g. <c>job 'J1' of user idnumber 'E1'</c>.</summary>
    public override string ToString()
    {
        if (Id is long id) return "job assignment id " + id.ToString(CultureInfo.InvariantCulture);
        if (IdNumber is null) return $"the job assignment of user {User}";
        return User is null ? $"job assignment '{IdNumber}'" : $"job assignment '{IdNumber}' of user {User}";
    }

    private static string Require(string idNumber) =>
        string.IsNullOrWhiteSpace(idNumber) ? throw new ArgumentException("A job assignment idnumber is empty.", nameof(idNumber)) : idNumber.Trim();
}

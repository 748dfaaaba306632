using System;

namespace Totara.Client.JobAssignments;

/// <summary>
/// How a set of records names job assignments among themselves, for ordering: a user key (the
/// caller picks which, e.g. the user's idnumber, and keeps to it) and the job's idnumber. A key
/// without a job idnumber means "that user's first assignment", as HR Import reads a manager
/// named without a job. Compared ordinally.
/// </summary>
public readonly struct JobAssignmentKey : IEquatable<JobAssignmentKey>
{
    public JobAssignmentKey(string user, string? jobIdNumber = null)
    {
        if (string.IsNullOrWhiteSpace(user)) throw new ArgumentException("The user key of a job assignment key is empty.", nameof(user));
        User = user;
        JobIdNumber = string.IsNullOrWhiteSpace(jobIdNumber) ? null : jobIdNumber;
    }

    public string User { get; }

    /// <summary>Null: the user's first assignment.</summary>
    public string? JobIdNumber { get; }

    public bool Equals(JobAssignmentKey other) =>
        string.Equals(User, other.User, StringComparison.Ordinal) && string.Equals(JobIdNumber, other.JobIdNumber, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is JobAssignmentKey other && Equals(other);

    public static bool operator ==(JobAssignmentKey left, JobAssignmentKey right) => left.Equals(right);

    public static bool operator !=(JobAssignmentKey left, JobAssignmentKey right) => !left.Equals(right);

    public override int GetHashCode() =>
        StringComparer.Ordinal.GetHashCode(User ?? "") ^ (JobIdNumber is null ? 0 : StringComparer.Ordinal.GetHashCode(JobIdNumber) * 31);

    public override string ToString() => JobIdNumber is null ? $"user '{User}'" : $"job '{JobIdNumber}' of user '{User}'";
}

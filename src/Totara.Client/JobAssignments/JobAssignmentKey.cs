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
    /// <summary>Names an assignment by its user's key and, optionally, its idnumber.</summary>
    /// <param name="user">The user's key, in the one form the caller uses for every record.</param>
    /// <param name="jobIdNumber">The job's idnumber; null or white space means the user's first assignment.</param>
    /// <exception cref="ArgumentException"><paramref name="user"/> is null, empty or white space.</exception>
    public JobAssignmentKey(string user, string? jobIdNumber = null)
    {
        if (string.IsNullOrWhiteSpace(user)) throw new ArgumentException("The user key of a job assignment key is empty.", nameof(user));
        User = user;
        JobIdNumber = string.IsNullOrWhiteSpace(jobIdNumber) ? null : jobIdNumber;
    }

    /// <summary>The user's key, as the caller gave it (compared ordinally).</summary>
    public string User { get; }

    /// <summary>Null: the user's first assignment.</summary>
    public string? JobIdNumber { get; }

    /// <inheritdoc/>
    public bool Equals(JobAssignmentKey other) =>
        string.Equals(User, other.User, StringComparison.Ordinal) && string.Equals(JobIdNumber, other.JobIdNumber, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is JobAssignmentKey other && Equals(other);

    /// <summary>True when both keys name the same user key and job idnumber (ordinal).</summary>
    /// <param name="left">One key.</param>
    /// <param name="right">The other key.</param>
    public static bool operator ==(JobAssignmentKey left, JobAssignmentKey right) => left.Equals(right);

    /// <summary>True when the keys differ in the user key or the job idnumber (ordinal).</summary>
    /// <param name="left">One key.</param>
    /// <param name="right">The other key.</param>
    public static bool operator !=(JobAssignmentKey left, JobAssignmentKey right) => !left.Equals(right);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        StringComparer.Ordinal.GetHashCode(User ?? "") ^ (JobIdNumber is null ? 0 : StringComparer.Ordinal.GetHashCode(JobIdNumber) * 31);

    /// <inheritdoc/>
    public override string ToString() => JobIdNumber is null ? $"user '{User}'" : $"job '{JobIdNumber}' of user '{User}'";
}

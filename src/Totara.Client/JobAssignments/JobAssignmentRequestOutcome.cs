using System;
using System.Collections.Generic;

namespace Totara.Client.JobAssignments;

/// <summary>Why <see cref="JobAssignmentsClient.RunCheckedAsync"/> did not send a request: what the site would have refused.</summary>
public enum JobAssignmentRefusal
{
    /// <summary>No user matches the holder.</summary>
    HolderNotFound,

    /// <summary>A create of an idnumber the holder already has.</summary>
    AlreadyExists,

    /// <summary>A change or delete of an idnumber the holder does not have.</summary>
    NotFound,

    /// <summary>No user matches a manager named without a job.</summary>
    ManagerNotFound,

    /// <summary>A manager named without a job has no assignment, and the run creates none for them.</summary>
    ManagerHasNoJob,

    /// <summary>The request is part of a management cycle in the run, which can never be created.</summary>
    ManagementCycle,
}

/// <summary>
/// One request's outcome from <see cref="JobAssignmentsClient.RunCheckedAsync"/>: the site's
/// result, or a refusal made before sending, with the part of the request it is about.
/// </summary>
public sealed class JobAssignmentRequestOutcome
{
    internal JobAssignmentRequestOutcome(JobAssignmentRequest request, JobAssignmentOperationResult result)
    {
        Request = request;
        Result = result;
        Cycle = Array.Empty<JobAssignmentRequest>();
    }

    internal JobAssignmentRequestOutcome(JobAssignmentRequest request, JobAssignmentRefusal refusal, string problem, bool aboutTempManager = false,
        IReadOnlyList<JobAssignmentRequest>? cycle = null)
    {
        Request = request;
        Refusal = refusal;
        Problem = problem;
        AboutTempManager = aboutTempManager;
        Cycle = cycle ?? Array.Empty<JobAssignmentRequest>();
    }

    /// <summary>The request this is the outcome of.</summary>
    public JobAssignmentRequest Request { get; }

    /// <summary>The site's answer; null when the request was refused before sending.</summary>
    public JobAssignmentOperationResult? Result { get; }

    /// <summary>Why the request was not sent; null when it was.</summary>
    public JobAssignmentRefusal? Refusal { get; }

    /// <summary>What was wrong, for a refusal, e.g. "no user matches idnumber 'E9'."; null when sent.</summary>
    public string? Problem { get; }

    /// <summary>For a manager refusal: true when it is about the temporary manager, false for the manager.</summary>
    public bool AboutTempManager { get; }

    /// <summary>For <see cref="JobAssignmentRefusal.ManagementCycle"/>: the requests of the cycle in order, each managed by the next (the last by the first).</summary>
    public IReadOnlyList<JobAssignmentRequest> Cycle { get; }

    /// <summary>True when the site applied the request.</summary>
    public bool Succeeded => Result is { Succeeded: true };
}

using System;
using System.Collections.Generic;
using Totara.Client.JobAssignments;

namespace Totara.Sync;

/// <summary>The site's job assignments by user id, in the order the site lists them (read once per run).</summary>
public sealed class SiteJobs
{
    private readonly Dictionary<long, List<JobAssignmentData>> _byUser = new();

    /// <summary>Indexes the site's job assignments by their holder's user id, keeping the order given.</summary>
    /// <param name="jobs">Every job assignment read from the site, in the site's order.</param>
    public SiteJobs(IEnumerable<JobAssignmentData> jobs)
    {
        foreach (var job in jobs) Add(job.User.Id, job);
    }

    /// <summary>Assignments read per user (a user's job_assignments carry no holder of their own).</summary>
    internal SiteJobs(IEnumerable<KeyValuePair<long, List<JobAssignmentData>>> byUser)
    {
        foreach (var pair in byUser)
            foreach (var job in pair.Value) Add(pair.Key, job);
    }

    private void Add(long userId, JobAssignmentData job)
    {
        if (!_byUser.TryGetValue(userId, out var list)) _byUser[userId] = list = new List<JobAssignmentData>(1);
        list.Add(job);
    }

    /// <summary>The user's assignment with this idnumber, or null.</summary>
    public JobAssignmentData? Find(long userId, string idNumber)
    {
        if (!_byUser.TryGetValue(userId, out var list)) return null;
        foreach (var job in list)
            if (string.Equals(job.IdNumber, idNumber, StringComparison.Ordinal)) return job;
        return null;
    }

    /// <summary>The user's first assignment (the one a manager named without a job means), or null.</summary>
    public JobAssignmentData? First(long userId) => _byUser.TryGetValue(userId, out var list) && list.Count > 0 ? list[0] : null;
}

using System;
using System.Collections.Generic;
using System.Linq;
using Totara.Client.JobAssignments;

namespace Totara.Sync;

/// <summary>
/// The source-only job-assignment rules: a row with job columns needs the job's idnumber, dates
/// must read as dates, and management cycles are refused as a whole, naming the chain (HR Import
/// refuses circular management too). Uses <see cref="ManagerOrdering"/>.
/// </summary>
internal static class JobValidator
{
    public static void Check(IReadOnlyList<SourceUser> rows, bool[] refused, SourceValidation result, int match)
    {
        var withJobs = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Job is not { } job) continue;
            var key = SourceValidator.KeyLabel(rows[i], match);
            var before = result.Problems.Count;
            if (string.IsNullOrEmpty(job.IdNumber))
                result.Problems.Add(new SyncProblem(rows[i], key, "jobassignmentidnumber", "the row has job assignment columns but no jobassignmentidnumber."));
            if (job.StartDate is { } start && !SourceJob.TryParseDate(start, out _))
                result.Problems.Add(new SyncProblem(rows[i], key, "jobassignmentstartdate", $"'{start}' is not a date (use 2024-03-01 or Unix seconds)."));
            if (job.EndDate is { } end && !SourceJob.TryParseDate(end, out _))
                result.Problems.Add(new SyncProblem(rows[i], key, "jobassignmentenddate", $"'{end}' is not a date (use 2024-03-01 or Unix seconds)."));
            if (job.HasManager && string.Equals(job.ManagerIdNumber, rows[i].Get(SyncFields.IdNumber), StringComparison.OrdinalIgnoreCase)
                && (string.IsNullOrEmpty(job.ManagerJobIdNumber) || job.ManagerJobIdNumber == job.IdNumber))
                result.Problems.Add(new SyncProblem(rows[i], key, "manageridnumber", "the job assignment names itself as its manager."));
            if (result.Problems.Count > before) refused[i] = true;
            else if (rows[i].Get(SyncFields.IdNumber) is { Length: > 0 }) withJobs.Add(i);
        }
        if (withJobs.Count == 0) return;

        var ordering = ManagerOrdering.Order(withJobs,
            i => new JobAssignmentKey(rows[i].Get(SyncFields.IdNumber)!.ToLowerInvariant(), rows[i].Job!.IdNumber),
            i => rows[i].Job!.HasManager
                ? new[] { new JobAssignmentKey(rows[i].Job!.ManagerIdNumber!.ToLowerInvariant(), Blank(rows[i].Job!.ManagerJobIdNumber)) }
                : Array.Empty<JobAssignmentKey>());
        foreach (var cycle in ordering.Cycles)
        {
            var chain = string.Join(" -> ", cycle.Concat(new[] { cycle[0] }).Select(i => rows[i].Get(SyncFields.IdNumber)));
            foreach (var i in cycle)
            {
                refused[i] = true;
                result.Problems.Add(new SyncProblem(rows[i], SourceValidator.KeyLabel(rows[i], match), "manageridnumber",
                    $"management cycle {chain} (each is managed by the next): the whole cycle is refused."));
            }
        }
    }

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client;
using Totara.Client.Cohorts;
using Totara.Client.Users;

namespace Totara.Sync;

/// <summary>
/// Reads the site's current state once per run: every live user (active and suspended), streamed
/// page by page, with only the fields the source carries; and the static audiences when the
/// source names any.
/// </summary>
internal static class SiteReader
{
    public static async Task<List<SiteUser>> ReadUsersAsync(TotaraClient client, IReadOnlyList<SourceUser> rows, SyncOptions options,
        Action<SyncProgress>? progress, CancellationToken ct)
    {
        var list = new UserListOptions { Status = UserStatusFilter.All, Fields = FieldsFor(rows, options) };
        var total = await client.Users.CountAsync(list, ct).ConfigureAwait(false);
        var users = new List<SiteUser>((int)Math.Min(total, int.MaxValue));
        progress?.Invoke(new SyncProgress(SyncPhase.Read, $"Reading the site's users (0 of {total})", 0, total));
        await foreach (var data in client.Users.ListAsync(list, ct).ConfigureAwait(false))
        {
            users.Add(SiteUser.From(data));
            if (users.Count % 500 == 0)
                progress?.Invoke(new SyncProgress(SyncPhase.Read, $"Reading the site's users ({users.Count} of {total})", users.Count, total));
        }
        return users;
    }

    /// <summary>The static audiences, when a row names one or <paramref name="always"/>; else null (nothing is read).</summary>
    public static async Task<CohortIndex?> ReadCohortsAsync(TotaraClient client, IReadOnlyList<SourceUser> rows, bool always, CancellationToken ct)
    {
        if (!always && !rows.Any(r => r.Audiences is { Count: > 0 })) return null;
        var cohorts = new List<CohortData>();
        await foreach (var cohort in new CohortsClient(client).ListAsync(null, ct).ConfigureAwait(false)) cohorts.Add(cohort);
        return new CohortIndex(cohorts);
    }

    public static async Task<SiteJobs?> ReadJobsAsync(TotaraClient client, IReadOnlyList<SourceUser> rows, Action<SyncProgress>? progress, CancellationToken ct)
    {
        if (!rows.Any(r => r.Job is not null)) return null;
        var jobs = new List<Totara.Client.JobAssignments.JobAssignmentData>();
        var list = new Totara.Client.JobAssignments.JobAssignmentListOptions { Selection = "user { id } " + JobSelectionFor(rows) };
        await foreach (var job in client.JobAssignments.ListAsync(list, ct).ConfigureAwait(false))
        {
            jobs.Add(job);
            if (jobs.Count % 500 == 0) progress?.Invoke(new SyncProgress(SyncPhase.Read, $"Reading job assignments ({jobs.Count})", jobs.Count, 0));
        }
        return new SiteJobs(jobs);
    }

    /// <summary>
    /// The job assignment fields the plan compares: the id and idnumber, and a field only when a row
    /// has its column (the full view costs 35 points an assignment; this 3 to 12). The holder is
    /// asked for by the caller where it is not known.
    /// </summary>
    internal static string JobSelectionFor(IReadOnlyList<SourceUser> rows)
    {
        bool Any(Func<SourceJob, string?> column) => rows.Any(r => r.Job is { } job && column(job) is not null);
        var selection = new List<string> { "id", "idnumber" };
        if (Any(j => j.FullName)) selection.Add("fullname");
        if (Any(j => j.StartDate)) selection.Add("startdate");
        if (Any(j => j.EndDate)) selection.Add("enddate");
        if (Any(j => j.Position)) selection.Add("position { idnumber }");
        if (Any(j => j.Organisation)) selection.Add("organisation { idnumber }");
        if (Any(j => j.ManagerIdNumber)) selection.Add("managerja { id idnumber user { id idnumber } }");
        if (Any(j => j.AppraiserIdNumber)) selection.Add("appraiser { id idnumber }");
        return string.Join(" ", selection);
    }

    /// <summary>
    /// The fields the plan compares: the match key, username and idnumber (creates and managers are
    /// checked against them), suspended, the comparable fields any row carries, and custom fields
    /// when any row has them. Nothing else: Totara charges a point per field per user.
    /// </summary>
    internal static UserFieldSet FieldsFor(IReadOnlyList<SourceUser> rows, SyncOptions options)
    {
        var present = new bool[SyncFields.Count];
        var custom = false;
        foreach (var row in rows)
        {
            for (var f = 0; f < SyncFields.Count; f++) present[f] |= row.Get(f) is not null;
            custom |= row.CustomFields is { Count: > 0 };
        }
        var fields = new List<string> { SyncFields.Names[options.MatchField], "idnumber", "username", "suspended" };
        for (var f = 0; f < SyncFields.Count; f++)
            if (present[f] && SyncFields.IsComparable(f) && !fields.Contains(SyncFields.Names[f])) fields.Add(SyncFields.Names[f]);
        if (custom) fields.Add(UserFieldSet.CustomFieldsField);
        return UserFieldSet.Exactly(fields);
    }
}

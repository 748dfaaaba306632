using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client;
using Totara.Client.Users;

namespace Totara.Sync;

/// <summary>
/// A delta run's read: the users modified on the site since the last read (core_user_users with
/// since_timemodified, which Totara compares with &gt;=), then, by id, the users of rows that changed
/// in the source, of rows gone from it, and of changes that did not apply; job assignments only for
/// the rows it plans. Everything else is taken from the state as the last run left it.
/// </summary>
internal static class DeltaReader
{
    /// <summary>
    /// Read back this far before the last read began: for this machine's clock being ahead of the
    /// site's, and for writes in the same second as the read (Totara stores whole seconds).
    /// </summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    public static async Task<DeltaRead> ReadAsync(TotaraClient client, IReadOnlyList<SourceUser> rows, SourceValidation validation, SyncOptions options,
        DeltaState delta, DeltaRead read, Action<SyncProgress>? progress, CancellationToken ct)
    {
        var fields = SiteReader.FieldsFor(rows, options);
        var modified = new Dictionary<long, SiteUser>();
        var list = new UserListOptions { Status = UserStatusFilter.All, Fields = fields, ModifiedSince = delta.SiteReadAt - Margin };
        progress?.Invoke(new SyncProgress(SyncPhase.Read, $"Reading the users modified on the site since {list.ModifiedSince:u}", 0, 0));
        await foreach (var data in client.Users.ListAsync(list, ct).ConfigureAwait(false))
            modified[data.Id] = SiteUser.From(data);
        read.ModifiedUsers = modified.Count;

        // Rows are looked for under the keys modified users had before as well as now: an idnumber changed on the site unmatches its row.
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var user in modified.Values)
        {
            if (read.Known.TryGetValue(user.Id, out var before) && before.Key.Length > 0) keys.Add(before.Key);
            read.Known[user.Id] = DeltaRead.Know(user, options);
            if (user.Get(options.MatchField) is { Length: > 0 } key) keys.Add(key);
        }
        var byKey = KeysOf(read.Known);
        var rowByKey = new Dictionary<string, SourceUser>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in validation.Valid) rowByKey[row.KeyFor(options.MatchField)!] = row;

        var scope = new DeltaScope();
        foreach (var row in validation.Valid)
            if (!delta.Rows.TryGetValue(row.KeyFor(options.MatchField)!, out var fp) || fp is null || fp != read.Fingerprints[row]) scope.Rows.Add(row);
        read.ChangedRows = scope.Rows.Count;
        foreach (var key in keys)
            if (rowByKey.TryGetValue(key, out var row)) scope.Rows.Add(row);

        // Users of rows gone from the source (missing users, their recorded memberships) and of changes that did not apply.
        var inSource = new HashSet<string>(rows.Select(r => r.KeyFor(options.MatchField)).Where(k => k is not null)!, StringComparer.OrdinalIgnoreCase);
        var others = new HashSet<long>(delta.Recheck);
        foreach (var gone in delta.Rows.Keys.Where(k => !inSource.Contains(k)))
            if (byKey.TryGetValue(gone, out var ids)) others.UnionWith(ids);

        var fetched = new UserFetcher.Result();
        var jobSelection = rows.Any(r => r.Job is not null) ? SiteReader.JobSelectionFor(rows) : null;
        var withJobs = new HashSet<long>();
        // Until no new row joins: a user read for one reason (recheck, gone) may have the key of an unchanged row.
        for (var round = 0; round < 4; round++)
        {
            var plain = new HashSet<long>(others);
            var jobs = new HashSet<long>();
            foreach (var row in scope.Rows)
                if (byKey.TryGetValue(row.KeyFor(options.MatchField)!, out var ids))
                    (row.Job is not null && jobSelection is not null ? jobs : plain).UnionWith(ids);
            plain.ExceptWith(jobs);
            plain.RemoveWhere(id => modified.ContainsKey(id) || fetched.Users.ContainsKey(id) || fetched.NotFound.Contains(id));
            jobs.RemoveWhere(id => modified.ContainsKey(id) || withJobs.Contains(id) || fetched.NotFound.Contains(id));
            if (plain.Count + jobs.Count == 0) break;
            progress?.Invoke(new SyncProgress(SyncPhase.Read, $"Reading {plain.Count + jobs.Count} user(s) the plan needs", 0, 0));
            await UserFetcher.FetchAsync(client, plain, fields, null, fetched, ct).ConfigureAwait(false);
            await UserFetcher.FetchAsync(client, jobs, fields, jobSelection, fetched, ct).ConfigureAwait(false);
            withJobs.UnionWith(jobs);
            var joined = false;
            foreach (var user in fetched.Users.Values)
                if (user.Get(options.MatchField) is { Length: > 0 } key && rowByKey.TryGetValue(key, out var row)) joined |= scope.Rows.Add(row);
            if (!joined) break;
        }

        // Modified users read in the list need their job assignments too, and so do managers named without a job.
        if (jobSelection is not null)
        {
            var jobsOnly = new HashSet<long>();
            var sourceJobs = new HashSet<string>(validation.Valid.Where(r => r.Job is { IdNumber.Length: > 0 } && r.Get(SyncFields.IdNumber) is { Length: > 0 })
                .Select(r => r.Get(SyncFields.IdNumber)!), StringComparer.OrdinalIgnoreCase);
            Dictionary<string, List<long>>? byIdNumber = null;
            foreach (var row in scope.Rows.Where(r => r.Job is not null))
            {
                if (byKey.TryGetValue(row.KeyFor(options.MatchField)!, out var ids)) jobsOnly.UnionWith(ids.Where(modified.ContainsKey));
                // JobPlanner takes such a manager's first job on the site.
                if (row.Job!.HasManager && string.IsNullOrEmpty(row.Job.ManagerJobIdNumber) && !sourceJobs.Contains(row.Job.ManagerIdNumber!)
                    && (byIdNumber ??= IdNumbersOf(read.Known)).TryGetValue(row.Job.ManagerIdNumber!, out var managers))
                    jobsOnly.UnionWith(managers);
            }
            jobsOnly.ExceptWith(withJobs);
            await UserFetcher.FetchAsync(client, jobsOnly, null, jobSelection, fetched, ct).ConfigureAwait(false);
        }

        foreach (var id in fetched.NotFound)
        {
            read.Known.Remove(id);
            scope.Deleted.Add(id);
        }
        foreach (var user in fetched.Users.Values) read.Known[user.Id] = DeltaRead.Know(user, options);
        scope.Read.UnionWith(modified.Keys);
        scope.Read.UnionWith(fetched.Users.Keys);

        read.SiteUsers = new List<SiteUser>(read.Known.Count);
        read.SiteUsers.AddRange(modified.Values);
        read.SiteUsers.AddRange(fetched.Users.Values.Where(u => !modified.ContainsKey(u.Id)));
        foreach (var pair in read.Known)
            if (!scope.Read.Contains(pair.Key)) read.SiteUsers.Add(Stub(pair.Key, pair.Value, options));
        foreach (var row in validation.Valid)
            if (!scope.Rows.Contains(row)) scope.UnplannedKeys.Add(row.KeyFor(options.MatchField)!);
        read.Jobs = jobSelection is null ? null : new SiteJobs(fetched.Jobs);
        read.Scope = scope;
        return read;
    }

    /// <summary>A user known by their keys only: enough to find, never to compare (its rows are not planned).</summary>
    private static SiteUser Stub(long id, KnownUser known, SyncOptions options)
    {
        var user = new SiteUser(id).Set("username", known.Username).Set("idnumber", known.IdNumber);
        return options.MatchField == SyncFields.Email ? user.Set("email", known.Key) : user;
    }

    private static Dictionary<string, List<long>> KeysOf(Dictionary<long, KnownUser> known)
    {
        var byKey = new Dictionary<string, List<long>>(known.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var pair in known)
        {
            if (pair.Value.Key.Length == 0) continue;
            if (!byKey.TryGetValue(pair.Value.Key, out var ids)) byKey[pair.Value.Key] = ids = new List<long>(1);
            ids.Add(pair.Key);
        }
        return byKey;
    }

    private static Dictionary<string, List<long>> IdNumbersOf(Dictionary<long, KnownUser> known) =>
        KeysOf(known.Where(k => !string.IsNullOrEmpty(k.Value.IdNumber)).ToDictionary(k => k.Key, k => new KnownUser(k.Value.IdNumber!, null, null)));
}

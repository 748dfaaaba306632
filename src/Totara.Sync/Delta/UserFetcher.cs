using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client;
using Totara.Client.JobAssignments;
using Totara.Client.Users;

namespace Totara.Sync;

/// <summary>
/// Reads some users by id in batched requests (one core_user_user alias each, 5 points plus a
/// point per field), with their job assignments when asked: how a delta run reads the few users it
/// plans instead of listing them all. The list query has no id filter, so this is the cheapest way.
/// </summary>
internal static class UserFetcher
{
    internal sealed class Result
    {
        public Dictionary<long, SiteUser> Users { get; } = new();

        public Dictionary<long, List<JobAssignmentData>> Jobs { get; } = new();

        /// <summary>Ids no live user has any more (deleted on the site).</summary>
        public HashSet<long> NotFound { get; } = new();
    }

    /// <param name="client">The client whose batching sends the reads.</param>
    /// <param name="ids">The users to read; repeats are read once.</param>
    /// <param name="fields">The user fields; null asks for the id alone (for jobs only).</param>
    /// <param name="jobSelection">The fields of each job assignment; null reads none.</param>
    /// <param name="into">Where the users, their jobs and the ids not found are added; returned, so several reads can fill one result.</param>
    /// <param name="ct">Stops the reads.</param>
    public static async Task<Result> FetchAsync(TotaraClient client, IEnumerable<long> ids, UserFieldSet? fields, string? jobSelection, Result into, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        if (list.Count == 0) return into;
        var selection = "user { " + (fields ?? UserFieldSet.IdOnly).Selection + (jobSelection is null ? "" : " job_assignments { " + jobSelection + " }") + " }";
        var operations = list.Select(id => new BatchOperation("core_user_user", false,
            new[] { new BatchArgument("reference", "core_user_user_reference!", UserReference.ById(id).ToInput()) }, selection));
        await foreach (var item in client.ExecuteBatchAsync(operations, ct).ConfigureAwait(false))
        {
            var id = list[item.Index];
            if (!item.Succeeded)
            {
                if (item.Error!.Outcome.IsNotFound) { into.NotFound.Add(id); continue; }
                throw new TotaraException($"Reading user {id} failed: {item.Error.Explanation}", item.Error.Category);
            }
            if (item.Data is not { ValueKind: JsonValueKind.Object } data || !data.TryGetProperty("user", out var user) || user.ValueKind != JsonValueKind.Object)
            {
                into.NotFound.Add(id);
                continue;
            }
            if (fields is not null) into.Users[id] = SiteUser.From(UserRecordData.FromJson(user));
            if (jobSelection is not null)
            {
                var jobs = new List<JobAssignmentData>();
                if (user.TryGetProperty("job_assignments", out var items) && items.ValueKind == JsonValueKind.Array)
                    foreach (var job in items.EnumerateArray()) jobs.Add(JobAssignmentData.FromJson(job));
                into.Jobs[id] = jobs;
            }
        }
        return into;
    }
}

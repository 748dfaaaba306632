using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Users;

namespace Totara.Client.JobAssignments;

/// <summary>
/// The job assignments area of the API (totara_job_*): lists, reads a user's assignments, and
/// builds batched create / update / delete operations. Every request goes through
/// <see cref="TotaraClient"/> (tokens, retries, pacing, batching).
/// </summary>
/// <remarks>
/// The API has no query for one assignment: a reference that names the user is read through the
/// user's <c>job_assignments</c> (one cheap request); a bare id or idnumber means reading the list.
/// </remarks>
public sealed class JobAssignmentsClient
{
    private const string ListField = "totara_job_job_assignments";
    private const string CreateField = "totara_job_create_job_assignment";
    private const string UpdateField = "totara_job_update_job_assignment";
    private const string DeleteField = "totara_job_delete_job_assignment";
    private const string ResultSelection = "job_assignment { " + JobAssignmentData.Selection + " }";

    // A read-back after a lost answer still reads the full view; the answer then carries more than was asked, which is harmless.
    private const string IdSelection = "job_assignment { id }";

    private readonly TotaraClient _client;

    internal JobAssignmentsClient(TotaraClient client) => _client = client;

    /// <summary>How many create or update mutations fit in one request.</summary>
    public int OperationsPerRequest() => _client.OperationsPerRequest(10 + 1 + CostPerAssignment);

    /// <summary>Complexity points one assignment read with <see cref="JobAssignmentData.Selection"/> costs.</summary>
    public static int CostPerAssignment => JobAssignmentData.Cost;

    /// <summary>Streams every job assignment on the site, page by page (one page held at a time).</summary>
    public async IAsyncEnumerable<JobAssignmentData> ListAsync(JobAssignmentListOptions? options = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        options ??= new JobAssignmentListOptions();
        var fitting = _client.PageSizeFor("{ " + options.Selection + " }", JobAssignmentListOptions.MaxPageSize);
        var request = options.BuildRequest(fitting);
        await foreach (var item in _client.PageAsync(request, ListField, "cursor", ct).ConfigureAwait(false))
            yield return JobAssignmentData.FromJson(item);
    }

    /// <summary>
    /// Streams the assignments that <paramref name="match"/> accepts, read from the whole list (for
    /// keys no query takes, such as an idnumber without its user); stops reading after
    /// <paramref name="stopAfter"/> matches when given.
    /// </summary>
    public async IAsyncEnumerable<JobAssignmentData> FindAsync(Func<JobAssignmentData, bool> match, int? stopAfter = null,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (match is null) throw new ArgumentNullException(nameof(match));
        var found = 0;
        await foreach (var job in ListAsync(null, ct).ConfigureAwait(false))
        {
            if (!match(job)) continue;
            yield return job;
            if (++found == stopAfter) yield break;
        }
    }

    /// <summary>
    /// The user's job assignments in the user's own order (the first is the one HR Import uses when
    /// a manager is named without a job); null when no user matches the reference.
    /// </summary>
    public async Task<IReadOnlyList<JobAssignmentData>?> ForUserAsync(UserReference user, CancellationToken ct = default)
    {
        if (user is null) throw new ArgumentNullException(nameof(user));
        var raw = await ReadUserJobsAsync(user, ct).ConfigureAwait(false);
        return raw?.Select(JobAssignmentData.FromJson).ToList();
    }

    /// <summary>
    /// The job assignments of the first reference that names a user, tried in turn (a name given
    /// by a person may be a username or an idnumber); null when none names a user.
    /// </summary>
    public async Task<IReadOnlyList<JobAssignmentData>?> ForFirstUserAsync(IReadOnlyList<UserReference> candidates, CancellationToken ct = default)
    {
        if (candidates is null) throw new ArgumentNullException(nameof(candidates));
        foreach (var reference in candidates)
            if (await ForUserAsync(reference, ct).ConfigureAwait(false) is { } jobs) return jobs;
        return null;
    }

    /// <summary>
    /// How many requests one <see cref="RunCheckedAsync"/> should take: several requests' worth (at
    /// most 1,000), since manager-first ordering and cycle checks work within one run, so a wider run
    /// lets a manager's row come further after their staff's rows. The run still sends one request
    /// at a time, each sized to the complexity limit.
    /// </summary>
    public int CheckedRunSize() => Math.Min(1000, 10 * OperationsPerRequest());

    /// <summary>
    /// Runs create, update and delete requests with HR Import's rules: managers named without a job
    /// are settled, what the site would refuse is refused before sending (with the reason), and the
    /// rest go manager-first in batched mutations. One outcome per request, in the requests' order.
    /// </summary>
    public Task<IReadOnlyList<JobAssignmentRequestOutcome>> RunCheckedAsync(IReadOnlyList<JobAssignmentRequest> requests, CancellationToken ct = default) =>
        CheckedJobAssignmentRun.RunAsync(this, requests ?? throw new ArgumentNullException(nameof(requests)), ct);

    /// <summary>
    /// Each user's job assignment idnumbers, in the user's order (the first is the one HR Import
    /// means by a manager named without a job), read in batched requests at a few points per user.
    /// A user that no user matches is left out of the answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<UserReference, IReadOnlyList<string>>> IdNumbersAsync(IEnumerable<UserReference> users, CancellationToken ct = default)
    {
        if (users is null) throw new ArgumentNullException(nameof(users));
        var distinct = users.Distinct().ToList();
        var answer = new Dictionary<UserReference, IReadOnlyList<string>>();
        var operations = distinct.Select((user, i) => new BatchOperation("core_user_user", false,
            new[] { new BatchArgument("reference", "core_user_user_reference!", user.ToInput()) },
            "user { id job_assignments { idnumber } }", i));
        await foreach (var item in _client.ExecuteBatchAsync(operations, ct).ConfigureAwait(false))
        {
            var user = distinct[(int)item.Operation.Tag!];
            if (!item.Succeeded)
            {
                if (Outcomes.ReadFailure.MeansMissing(item.Error)) continue;
                throw new TotaraException($"Reading the job assignments of user {user} failed: {item.Error!.Explanation}", item.Error.Category);
            }
            if (JobAssignmentData.Object(item.Data, "user") is not { } record) continue;
            answer[user] = record.TryGetProperty("job_assignments", out var jobs) && jobs.ValueKind == JsonValueKind.Array
                ? jobs.EnumerateArray().Select(j => JsonValues.Text(j, "idnumber")).Where(text => !string.IsNullOrEmpty(text)).Select(text => text!).ToList()
                : new List<string>();
        }
        return answer;
    }

    /// <summary>
    /// Each user's first job assignment (see <see cref="IdNumbersAsync"/>). A user with no assignment
    /// maps to null; a user that no user matches is left out of the answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<UserReference, JobAssignmentReference?>> FirstAssignmentsAsync(IEnumerable<UserReference> users, CancellationToken ct = default)
    {
        var idNumbers = await IdNumbersAsync(users, ct).ConfigureAwait(false);
        return idNumbers.ToDictionary(pair => pair.Key,
            pair => pair.Value.Count == 0 ? null : JobAssignmentReference.ByIdNumber(pair.Key, pair.Value[0]));
    }

    /// <summary>
    /// The one assignment the reference names; null when none does. Throws when it names several
    /// (an idnumber shared by two users, or a user with several assignments and no idnumber given).
    /// </summary>
    public async Task<JobAssignmentData?> GetAsync(JobAssignmentReference reference, CancellationToken ct = default)
    {
        var raw = await FindRawAsync(reference, ct).ConfigureAwait(false);
        return raw is { } job ? JobAssignmentData.FromJson(job) : null;
    }

    /// <summary>
    /// A create of assignment <paramref name="idNumber"/> for <paramref name="user"/>. It is not
    /// idempotent (a second create fails as a duplicate), so after a lost answer the client looks
    /// the assignment up by user and idnumber: found means it was applied; not found, it is resent.
    /// </summary>
    /// <param name="user">The user who will hold the assignment.</param>
    /// <param name="idNumber">The new assignment's idnumber (unique within the user); it is how a lost answer is settled.</param>
    /// <param name="change">The other fields to set; null sets none.</param>
    /// <param name="tag">The caller's input record, handed back on the result.</param>
    /// <param name="answerIdOnly">Ask back the new assignment's id alone (12 points a create, not 46): for callers that read nothing else.</param>
    public BatchOperation Create(UserReference user, string idNumber, JobAssignmentChange? change = null, object? tag = null, bool answerIdOnly = false)
    {
        if (user is null) throw new ArgumentNullException(nameof(user));
        var target = JobAssignmentReference.ByIdNumber(user, idNumber);
        var fields = change ?? new JobAssignmentChange();
        var input = fields.ToInput();
        input["idnumber"] = target.IdNumber;
        input["user"] = user.ToInput();
        return new BatchOperation(CreateField, true,
            new[] { new BatchArgument("input", "totara_job_create_job_assignment_input!", input) },
            answerIdOnly ? IdSelection : ResultSelection, new JobAssignmentOperationTag(JobAssignmentOperationKind.Create, target, fields, tag))
        {
            RecoverAfterLostAnswer = ct => FoundAnswerAsync(target, ct),
            ReadBack = ReadBackOf(target),
            ReadBackAnswer = data => PickAnswer(data, target),
        };
    }

    /// <summary>
    /// An update of exactly the fields set in <paramref name="change"/>. Resent after a lost answer,
    /// except a change of the idnumber the target is named by: that one is looked up under its new
    /// idnumber first (found means it was applied).
    /// </summary>
    /// <param name="target">The assignment to change.</param>
    /// <param name="change">The fields to send; only those set are sent, a field set to null is cleared.</param>
    /// <param name="tag">The caller's input record, handed back on the result.</param>
    /// <param name="answerIdOnly">Ask back the assignment's id alone (12 points an update, not 46).</param>
    public BatchOperation Update(JobAssignmentReference target, JobAssignmentChange change, object? tag = null, bool answerIdOnly = false)
    {
        if (target is null) throw new ArgumentNullException(nameof(target));
        if (change is null) throw new ArgumentNullException(nameof(change));
        var after = ReferenceAfter(target, change);
        return new BatchOperation(UpdateField, true,
            new[]
            {
                new BatchArgument("target_job", "totara_job_job_assignment_reference!", target.ToInput()),
                new BatchArgument("input", "totara_job_update_job_assignment_input!", change.ToInput()),
            },
            answerIdOnly ? IdSelection : ResultSelection, new JobAssignmentOperationTag(JobAssignmentOperationKind.Update, target, change, tag))
        {
            IsIdempotent = after.Equals(target),
            RecoverAfterLostAnswer = ct => FoundAnswerAsync(after, ct),
            ReadBack = ReadBackOf(after),
            ReadBackAnswer = data => PickAnswer(data, after),
        };
    }

    /// <summary>A delete. After a lost answer the client checks whether the assignment is gone: if so it was applied; if not it is resent.</summary>
    public BatchOperation Delete(JobAssignmentReference target, object? tag = null)
    {
        if (target is null) throw new ArgumentNullException(nameof(target));
        return new BatchOperation(DeleteField, true,
            new[] { new BatchArgument("target_job", "totara_job_job_assignment_reference!", target.ToInput()) },
            "job_assignment_id", new JobAssignmentOperationTag(JobAssignmentOperationKind.Delete, target, null, tag))
        {
            RecoverAfterLostAnswer = async ct =>
                await FindRawAsync(target, ct).ConfigureAwait(false) is null ? Wrap("job_assignment_id", target.Id) : null,
            // Used only when the delete is known to have run (it came before the alias whose failure
            // nulled the answer): its answer is the id it was given, so there is nothing to ask the site.
            AnswerWhenApplied = Wrap("job_assignment_id", target.Id),
        };
    }

    /// <summary>Runs operations made by this class in batched requests; one result per operation, in input order, per batch.</summary>
    public async IAsyncEnumerable<JobAssignmentOperationResult> RunAsync(IEnumerable<BatchOperation> operations, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var item in _client.ExecuteBatchAsync(operations, ct).ConfigureAwait(false))
            yield return JobAssignmentOperationResult.From(item);
    }

    /// <summary>True for Totara's "no such record" answers to a user or job-assignment reference.</summary>
    public static bool IsNotFound(TotaraGraphQLError? error) => error?.Outcome.IsNotFound == true;

    private async Task<JsonElement?> FoundAnswerAsync(JobAssignmentReference reference, CancellationToken ct) =>
        await FindRawAsync(reference, ct).ConfigureAwait(false) is { } job ? Wrap("job_assignment", job) : null;

    private async Task<JsonElement?> FindRawAsync(JobAssignmentReference reference, CancellationToken ct)
    {
        if (reference is null) throw new ArgumentNullException(nameof(reference));
        var matches = new List<JsonElement>();
        if (reference.User is not null)
        {
            matches.AddRange((await ReadUserJobsAsync(reference.User, ct).ConfigureAwait(false) ?? new List<JsonElement>()).Where(j => Matches(j, reference)));
        }
        else
        {
            var fitting = _client.PageSizeFor("{ " + JobAssignmentData.Selection + " }", JobAssignmentListOptions.MaxPageSize);
            await foreach (var job in _client.PageAsync(new JobAssignmentListOptions().BuildRequest(fitting), ListField, "cursor", ct).ConfigureAwait(false))
            {
                if (!Matches(job, reference)) continue;
                matches.Add(job.Clone());
                if (reference.Id is not null || matches.Count > 1) break;
            }
        }

        return matches.Count switch
        {
            0 => null,
            1 => matches[0],
            _ => throw new TotaraException($"{reference} names more than one job assignment; name the user and the job idnumber."),
        };
    }

    /// <summary>The user's assignments as raw objects (detached), or null when no user matches.</summary>
    private async Task<List<JsonElement>?> ReadUserJobsAsync(UserReference user, CancellationToken ct)
    {
        var request = new GraphQLRequest(
            "query totara_powershell_user_job_assignments($user: core_user_user_reference!) {\n" +
            "  core_user_user(reference: $user) { user { id job_assignments { " + JobAssignmentData.Selection + " } } }\n}",
            new Dictionary<string, object?>(StringComparer.Ordinal) { ["user"] = user.ToInput() },
            "totara_powershell_user_job_assignments");
        GraphQLResponse response;
        try
        {
            response = await _client.ExecuteAsync(request, ct).ConfigureAwait(false);
        }
        catch (TotaraException ex) when (Outcomes.ReadFailure.MeansMissing(ex.Errors.FirstOrDefault()))
        {
            return null;
        }

        if (response.Errors.Count > 0 && Outcomes.ReadFailure.MeansMissing(response.Errors[0])) return null;
        if (response.Errors.Count > 0)
            throw new TotaraException($"Reading the job assignments of user {user} failed: {response.Errors[0].Explanation}", response.Errors[0].Category);
        var found = JobAssignmentData.Object(JobAssignmentData.Object(response.Data, "core_user_user"), "user");
        if (found is not { } record) return null;
        return record.TryGetProperty("job_assignments", out var jobs) && jobs.ValueKind == JsonValueKind.Array
            ? jobs.EnumerateArray().Select(j => j.Clone()).ToList()
            : new List<JsonElement>();
    }

    /// <summary>
    /// The user's assignments, for a create or update known to have run: the API has no query for
    /// one assignment, so the user's list is read (batched with the other read-backs) and
    /// <see cref="PickAnswer"/> takes the one out. Null for a reference without its user (that
    /// would mean paging the whole list: the operation's own check does it).
    /// </summary>
    private static BatchOperation? ReadBackOf(JobAssignmentReference reference) =>
        reference.User is null
            ? null
            : new BatchOperation("core_user_user", false,
                new[] { new BatchArgument("reference", "core_user_user_reference!", reference.User.ToInput()) },
                "user { id job_assignments { " + JobAssignmentData.Selection + " } }");

    /// <summary>The <c>{ job_assignment }</c> answer out of a user's assignments; null unless exactly one matches.</summary>
    private static JsonElement? PickAnswer(JsonElement userData, JobAssignmentReference reference)
    {
        var user = JobAssignmentData.Object(userData, "user");
        if (user is not { } record || !record.TryGetProperty("job_assignments", out var jobs) || jobs.ValueKind != JsonValueKind.Array) return null;
        var matches = jobs.EnumerateArray().Where(j => Matches(j, reference)).Take(2).ToList();
        return matches.Count == 1 ? Wrap("job_assignment", matches[0]) : null;
    }

    private static bool Matches(JsonElement job, JobAssignmentReference reference) =>
        (reference.Id is null || JsonValues.Long(job, "id") == reference.Id) &&
        (reference.IdNumber is null || string.Equals(JsonValues.Text(job, "idnumber"), reference.IdNumber, StringComparison.Ordinal));

    /// <summary>How to find the assignment after the change: under its new idnumber if the change renames the one it is named by.</summary>
    private static JobAssignmentReference ReferenceAfter(JobAssignmentReference target, JobAssignmentChange change)
    {
        if (target.IdNumber is null || change.IdNumber is null || change.IdNumber == target.IdNumber) return target;
        return target.User is null ? JobAssignmentReference.ByIdNumber(change.IdNumber) : JobAssignmentReference.ByIdNumber(target.User, change.IdNumber);
    }

    /// <summary>A detached <c>{ "name": value }</c> object: the data of an alias settled by a check.</summary>
    private static JsonElement Wrap(string name, object? value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName(name);
            switch (value)
            {
                case JsonElement element: element.WriteTo(writer); break;
                case long number: writer.WriteNumberValue(number); break;
                default: writer.WriteNullValue(); break;
            }
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}

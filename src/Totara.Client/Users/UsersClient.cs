using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Totara.Client.Users;

/// <summary>
/// The users area of the API (core_user_*): builds the documents and maps the data; every
/// request goes through <see cref="TotaraClient"/> (tokens, retries, pacing, batching).
/// </summary>
public sealed class UsersClient
{
    private const string CreateField = "core_user_create_user";
    private const string UpdateField = "core_user_update_user";
    private const string DeleteField = "core_user_delete_user";

    private readonly TotaraClient _client;

    internal UsersClient(TotaraClient client) => _client = client;

    /// <summary>How many mutations of <paramref name="fields"/> fit in one request.</summary>
    public int OperationsPerRequest(UserFieldSet? fields = null) =>
        _client.OperationsPerRequest(10 + 1 + (fields ?? UserFieldSet.Default).CostPerUser);

    /// <summary>One user by reference; null when no user matches it.</summary>
    public async Task<UserRecordData?> GetAsync(UserReference reference, UserFieldSet? fields = null, CancellationToken ct = default)
    {
        var result = await FindResultAsync(reference, fields ?? UserFieldSet.Default, ct).ConfigureAwait(false);
        return result is { } data && data.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object
            ? UserRecordData.FromJson(user)
            : null;
    }

    /// <summary>
    /// The user the first of <paramref name="candidates"/> that matches names, tried in turn (a
    /// name a person gives may be a username or an idnumber); null when none matches.
    /// </summary>
    public async Task<UserRecordData?> GetFirstAsync(IReadOnlyList<UserReference> candidates, UserFieldSet? fields = null, CancellationToken ct = default)
    {
        if (candidates is null) throw new ArgumentNullException(nameof(candidates));
        foreach (var reference in candidates)
            if (await GetAsync(reference, fields, ct).ConfigureAwait(false) is { } user) return user;
        return null;
    }

    /// <summary>Streams every user the options select, page by page (one page held at a time).</summary>
    /// <remarks>Sorted by a name, the site pages by id and the whole listing is sorted here, so no user is lost to a tie.</remarks>
    public async IAsyncEnumerable<UserRecordData> ListAsync(UserListOptions? options = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        options ??= new UserListOptions();
        var sortField = UserListOptions.ClientSortField(options.SortBy);
        var request = options.BuildRequest(_client.BatchComplexityLimit);
        if (sortField is null)
        {
            await foreach (var item in _client.PageAsync(request, "core_user_users", "cursor", ct).ConfigureAwait(false))
                yield return UserRecordData.FromJson(item);
            yield break;
        }

        var all = new List<UserRecordData>();
        await foreach (var item in _client.PageAsync(request, "core_user_users", "cursor", ct).ConfigureAwait(false))
            all.Add(UserRecordData.FromJson(item));
        foreach (var user in UserListOrder.Sort(all, sortField, options.Descending))
            yield return user;
    }

    /// <summary>How many users the options' filters match (the list's total).</summary>
    public async Task<long> CountAsync(UserListOptions? options = null, CancellationToken ct = default)
    {
        var response = await _client.ExecuteAsync((options ?? new UserListOptions()).BuildCountRequest(), ct).ConfigureAwait(false);
        if (response.Data is { } data && data.TryGetProperty("core_user_users", out var list) &&
            list.TryGetProperty("total", out var total) && total.TryGetInt64(out var count))
            return count;
        throw new TotaraException("The answer to the user count has no core_user_users.total.");
    }

    /// <summary>
    /// A create. If its answer is lost, the client asks whether the username exists now: if so the
    /// create was applied and that user is the result; if not it is sent again. Never twice.
    /// </summary>
    /// <remarks>
    /// Without <paramref name="fields"/>, the answer carries only the new id and the username as
    /// stored (<see cref="UserFieldSet.CreateAnswer"/>), and the result's other default fields are
    /// the values sent, which a create stores as given: 13 complexity points a user instead of 18,
    /// so 40% more users fit in each request and each minute's budget.
    /// </remarks>
    public BatchOperation Create(UserChange change, UserFieldSet? fields = null, object? tag = null)
    {
        if (change is null) throw new ArgumentNullException(nameof(change));
        if (string.IsNullOrWhiteSpace(change.Username)) throw new ArgumentException("A user to create needs a username.", nameof(change));
        var selection = fields ?? UserFieldSet.CreateAnswer;
        var username = UserReference.ByUsername(change.Username!);
        return new BatchOperation(CreateField, true,
            new[] { new BatchArgument("input", "core_user_create_user_input!", change.ToInput()) },
            UserSelection(selection), new UserOperationTag(UserOperationKind.Create, null, change, tag) { CompleteFromChange = fields is null })
        {
            RecoverAfterLostAnswer = ct => FindResultAsync(username, selection, ct),
            ReadBack = ReadBackOf(username, selection),
        };
    }

    /// <summary>An update of exactly the fields set in <paramref name="change"/>. Idempotent: resent after a lost answer.</summary>
    public BatchOperation Update(UserReference target, UserChange change, UserFieldSet? fields = null, object? tag = null)
    {
        if (target is null) throw new ArgumentNullException(nameof(target));
        if (change is null) throw new ArgumentNullException(nameof(change));
        var selection = fields ?? UserFieldSet.Default;
        var after = ReferenceAfter(target, change);
        return new BatchOperation(UpdateField, true,
            new[]
            {
                new BatchArgument("target_user", "core_user_user_reference!", target.ToInput()),
                new BatchArgument("input", "core_user_update_user_input!", change.ToInput()),
            },
            UserSelection(selection), new UserOperationTag(UserOperationKind.Update, target, change, tag))
        {
            IsIdempotent = true,
            // Used when the update is known to have run but its data was lost with the rest of the answer.
            RecoverAfterLostAnswer = ct => FindResultAsync(after, selection, ct),
            ReadBack = ReadBackOf(after, selection),
        };
    }

    /// <summary>Suspends (true) or unsuspends (false) a user: an update of <c>suspended</c> only.</summary>
    public BatchOperation SetSuspended(UserReference target, bool suspended, UserFieldSet? fields = null, object? tag = null) =>
        Update(target, UserChange.Suspension(suspended), fields, tag);

    /// <summary>
    /// A delete. If its answer is lost, the client checks whether the user is gone: if so the delete
    /// was applied; if not it is sent again.
    /// </summary>
    public BatchOperation Delete(UserReference target, object? tag = null)
    {
        if (target is null) throw new ArgumentNullException(nameof(target));
        return new BatchOperation(DeleteField, true,
            new[] { new BatchArgument("target_user", "core_user_user_reference!", target.ToInput()) },
            "user_id", new UserOperationTag(UserOperationKind.Delete, target, null, tag))
        {
            RecoverAfterLostAnswer = async ct =>
                await FindResultAsync(target, UserFieldSet.Default, ct).ConfigureAwait(false) is null ? DeletedAnswer(target.Id) : null,
            // Used only when the delete is known to have run (it came before the alias whose failure
            // nulled the answer): its answer is the id it was given, so there is nothing to ask the site.
            AnswerWhenApplied = DeletedAnswer(target.Id),
        };
    }

    /// <summary>
    /// Runs operations made by this class in batched requests; one result per operation, in input
    /// order, per batch. Creates whose username the site has are not sent (see <see cref="CheckedCreates"/>).
    /// </summary>
    /// <remarks>
    /// The input is read <see cref="OperationsCheckedTogether"/> at a time. A part made only of
    /// creates is checked first (one batched read of its usernames); a part with any other
    /// operation is sent as it is, since a delete or a rename sent with the creates could free a
    /// username the read found taken. Parts run one after another, so a part's read sees what the
    /// parts before it did.
    /// </remarks>
    public IAsyncEnumerable<UserOperationResult> RunAsync(IEnumerable<BatchOperation> operations, CancellationToken ct = default) =>
        RunAsync(operations, UsernameCheck.BeforeCreates, ct);

    /// <summary>
    /// Runs one operation per record, where record i may name its user by several references
    /// (<paramref name="candidates"/>[i], tried in turn; null for a create): a record whose
    /// reference matched nobody is sent again with the next. <paramref name="build"/> makes record
    /// i's operation for a reference. One result per record, in the records' order.
    /// </summary>
    public Task<IReadOnlyList<UserOperationResult>> RunByCandidatesAsync(IReadOnlyList<IReadOnlyList<UserReference>?> candidates,
        Func<int, UserReference?, BatchOperation> build, CancellationToken ct = default) =>
        UserCandidateRun.RunAsync(this, candidates ?? throw new ArgumentNullException(nameof(candidates)), build ?? throw new ArgumentNullException(nameof(build)), ct);

    /// <summary>
    /// As <see cref="RunAsync(IEnumerable{BatchOperation}, CancellationToken)"/>; with
    /// <see cref="UsernameCheck.None"/> creates are sent unchecked, for a caller that has just read
    /// the site's users (the sync) and would only spend the check's points.
    /// </summary>
    public async IAsyncEnumerable<UserOperationResult> RunAsync(IEnumerable<BatchOperation> operations, UsernameCheck check, [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (operations is null) throw new ArgumentNullException(nameof(operations));
        var offset = 0;
        foreach (var part in InParts(operations, OperationsCheckedTogether))
        {
            var held = new List<UserOperationResult>();
            if (check == UsernameCheck.BeforeCreates && part.All(CheckedCreates.IsCreate))
            {
                foreach (var item in await CheckedCreates.RunAsync(_client, part, ct).ConfigureAwait(false))
                    if (PassOrHold(UserOperationResult.From(Shifted(item, offset)), held) is { } result) yield return result;
            }
            else
            {
                await foreach (var item in _client.ExecuteBatchAsync(part, ct).ConfigureAwait(false))
                    if (PassOrHold(UserOperationResult.From(Shifted(item, offset)), held) is { } result) yield return result;
            }
            if (held.Count > 0)
            {
                await new TextlessFailureLookUp(_client).SettleAsync(held.Where(r => r.NeedsLookUp).ToList(), ct).ConfigureAwait(false);
                foreach (var result in held) yield return result;
            }
            offset += part.Count;
        }
    }

    /// <summary>
    /// Results stream in input order. From the first failure without text (response_debug NONE)
    /// on, they wait in <paramref name="held"/>, so that one batched look-up can settle those
    /// failures before they go out. Returns the result when it may go out now.
    /// </summary>
    private static UserOperationResult? PassOrHold(UserOperationResult result, List<UserOperationResult> held)
    {
        if (held.Count == 0 && !result.NeedsLookUp) return result;
        held.Add(result);
        return null;
    }

    /// <summary>The <c>core_user_user</c> document for one reference.</summary>
    public static GraphQLRequest BuildGetRequest(UserReference reference, UserFieldSet fields) =>
        new($"query totara_powershell_user($reference: core_user_user_reference!) {{\n  core_user_user(reference: $reference) {{ {UserSelection(fields)} }}\n}}",
            new Dictionary<string, object?> { ["reference"] = reference.ToInput() }, "totara_powershell_user");

    /// <summary>True for Totara's "no such user" answers to a user reference.</summary>
    public static bool IsNotFound(TotaraGraphQLError? error) => error?.Outcome.IsNotFound == true;

    /// <summary>The <c>{ user { ... } }</c> result of core_user_user (a detached copy), or null when no user matches.</summary>
    private async Task<JsonElement?> FindResultAsync(UserReference reference, UserFieldSet fields, CancellationToken ct)
    {
        GraphQLResponse response;
        try
        {
            response = await _client.ExecuteAsync(BuildGetRequest(reference, fields), ct).ConfigureAwait(false);
        }
        catch (TotaraException ex) when (Outcomes.ReadFailure.MeansMissing(ex.Errors.FirstOrDefault()))
        {
            return null;
        }

        if (response.Errors.Count > 0 && Outcomes.ReadFailure.MeansMissing(response.Errors[0])) return null;
        if (response.Errors.Count > 0)
            throw new TotaraException($"Reading {reference} failed: {response.Errors[0].Explanation}", response.Errors[0].Category);
        return response.Data is { } data && data.TryGetProperty("core_user_user", out var result) && result.ValueKind == JsonValueKind.Object
            ? result.Clone()
            : null;
    }

    /// <summary>
    /// How many operations are read and checked together: the username read of a thousand creates
    /// is one or two requests (5 points a username), and a part this size costs a stream of other
    /// operations at most one partly filled request per thousand.
    /// </summary>
    private const int OperationsCheckedTogether = 1000;

    /// <summary>Reads the operations lazily, a list of at most <paramref name="size"/> at a time.</summary>
    private static IEnumerable<List<BatchOperation>> InParts(IEnumerable<BatchOperation> operations, int size)
    {
        var part = new List<BatchOperation>(size);
        foreach (var operation in operations)
        {
            part.Add(operation);
            if (part.Count < size) continue;
            yield return part;
            part = new List<BatchOperation>(size);
        }
        if (part.Count > 0) yield return part;
    }

    /// <summary>A part's result with its index in the whole input.</summary>
    private static BatchItemResult Shifted(BatchItemResult item, int offset) =>
        offset == 0 ? item : new BatchItemResult(item.Index + offset, item.Operation, item.Data, item.Error);

    private static string UserSelection(UserFieldSet fields) => $"user {{ {fields.Selection} }}";

    /// <summary>core_user_user for a user a create or update is known to have reached: its answer has the same shape.</summary>
    private static BatchOperation ReadBackOf(UserReference reference, UserFieldSet fields) =>
        new("core_user_user", false,
            new[] { new BatchArgument("reference", "core_user_user_reference!", reference.ToInput()) },
            UserSelection(fields));

    /// <summary>How to find the user after the change: by id if known, else by a key the change sets, else as before.</summary>
    private static UserReference ReferenceAfter(UserReference target, UserChange change)
    {
        if (target.Kind == UserReferenceKind.Id) return target;
        var renamed = target.Kind switch
        {
            UserReferenceKind.Username => change.Username,
            UserReferenceKind.Email => change.Email,
            _ => change.IdNumber,
        };
        if (string.IsNullOrWhiteSpace(renamed)) return target;
        return target.Kind switch
        {
            UserReferenceKind.Username => UserReference.ByUsername(renamed!),
            UserReferenceKind.Email => UserReference.ByEmail(renamed!),
            _ => UserReference.ByIdNumber(renamed!),
        };
    }

    private static JsonElement? DeletedAnswer(long? id)
    {
        using var document = JsonDocument.Parse(id is long known ? $"{{\"user_id\":{known}}}" : "{\"user_id\":null}");
        return document.RootElement.Clone();
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Users;

namespace Totara.Client.Cohorts;

/// <summary>
/// The audiences area of the API (core_cohort_*): lists static audiences, and adds, removes and
/// tests members in batched requests. The API cannot list an audience's members: membership is
/// only ever asked about one user at a time.
/// </summary>
public sealed class CohortsClient
{
    private const string ListField = "core_cohort_static_cohorts";
    private const string MemberField = "core_cohort_is_user_member";
    private const string AddField = "core_cohort_add_cohort_member";
    private const string RemoveField = "core_cohort_remove_cohort_member";

    // What adds and removes ask back: cheap, and enough to name the user in the result.
    private const string ChangeSelection = "user { id username } success ";

    private readonly TotaraClient _client;

    /// <summary>The audiences area of <paramref name="client"/>; use <see cref="TotaraClient.Cohorts"/> rather than making one.</summary>
    /// <param name="client">The client whose transport, pacing and batching the area uses.</param>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    public CohortsClient(TotaraClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>How many membership operations of <paramref name="action"/> fit in one request.</summary>
    public int OperationsPerRequest(CohortMembershipAction action) => _client.OperationsPerRequest(Cost(action));

    /// <summary>Streams every static audience the options select, page by page.</summary>
    public async IAsyncEnumerable<CohortData> ListAsync(CohortListOptions? options = null, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var request = (options ?? new CohortListOptions()).BuildRequest(_client.BatchComplexityLimit);
        await foreach (var item in _client.PageAsync(request, ListField, "cursor", ct).ConfigureAwait(false))
            yield return CohortData.FromJson(item);
    }

    /// <summary>
    /// The static audiences whose id, idnumber or name is <paramref name="identity"/>. The API has
    /// no single-audience query, so this reads the list; names need not be unique, hence a list.
    /// </summary>
    public async Task<IReadOnlyList<CohortData>> FindAsync(string identity, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(identity)) throw new ArgumentException("An audience identity is empty.", nameof(identity));
        var found = new List<CohortData>();
        await foreach (var cohort in ListAsync(null, ct).ConfigureAwait(false))
            if (cohort.Matches(identity)) found.Add(cohort);
        // An id or idnumber names one audience: when one matches, a name that happens to equal it does not count.
        return found.Any(c => KeyMatches(c, identity)) ? found.Where(c => KeyMatches(c, identity)).ToList() : found;
    }

    /// <summary>
    /// Adds, removes or tests each request's user, batched; one result per request, in input order.
    /// </summary>
    /// <remarks>
    /// Every user's membership is tested first (a cheap query, batched), and only the users whose
    /// membership must change are sent a mutation. That makes each outcome exact: Added and
    /// Removed mean this call changed it, AlreadyMember and WasNotMember that nothing was sent.
    /// It also settles a mutation whose answer was lost (in a batch where another alias failed,
    /// GraphQL nulls every alias's data): checking membership then tells whether it ran.
    /// A request whose first reference matches no user is tested again with its next reference.
    /// </remarks>
    public async Task<IReadOnlyList<CohortMembershipResult>> RunMembershipAsync(
        CohortReference cohort, CohortMembershipAction action, IReadOnlyList<UserRequest> requests, CancellationToken ct = default)
    {
        if (cohort is null) throw new ArgumentNullException(nameof(cohort));
        if (requests is null) throw new ArgumentNullException(nameof(requests));
        var results = (await TestAsync(cohort, requests, ct).ConfigureAwait(false)).ToArray();
        if (action == CohortMembershipAction.Test) return results;

        var add = action == CohortMembershipAction.Add;
        var change = Enumerable.Range(0, results.Length)
            .Where(i => results[i].Succeeded && results[i].Outcome == (add ? CohortMembershipOutcome.IsNotMember : CohortMembershipOutcome.IsMember))
            .ToList();
        for (var i = 0; i < results.Length; i++)
            if (results[i].Succeeded && !change.Contains(i))
                results[i] = With(results[i], add ? CohortMembershipOutcome.AlreadyMember : CohortMembershipOutcome.WasNotMember, null);

        var operations = change.Select(i => Mutation(cohort, add, results[i].Tried, i)).ToList();
        await foreach (var item in _client.ExecuteBatchAsync(operations, ct).ConfigureAwait(false))
        {
            var i = (int)item.Operation.Tag!;
            results[i] = item.Succeeded
                ? With(results[i], AddOrRemoveOutcome(add, item.Data), item.Data)
                : new CohortMembershipResult(requests[i], results[i].Tried, null, null, null, item.Error, false);
        }
        return results;
    }

    /// <summary>Tests every request's user (trying its references in turn); one result per request.</summary>
    private async Task<IReadOnlyList<CohortMembershipResult>> TestAsync(CohortReference cohort, IReadOnlyList<UserRequest> requests, CancellationToken ct)
    {
        var answers = await UserFallbackQuery.RunAsync(_client, requests.Select(r => r.Candidates).ToList(),
            (user, i) => new BatchOperation(MemberField, false, Arguments(cohort, user), "user_is_member", i), ct).ConfigureAwait(false);
        return answers.Select((a, i) => a.Error is null
            ? new CohortMembershipResult(requests[i], a.Tried, Flag(a.Data, "user_is_member") ? CohortMembershipOutcome.IsMember : CohortMembershipOutcome.IsNotMember, null, null, null, false)
            : new CohortMembershipResult(requests[i], a.Tried, null, null, null, a.Error, a.UserNotFound)).ToList();
    }

    /// <summary>
    /// An add or remove of a user known to need it. If its answer is lost, membership is checked:
    /// already as asked means it ran (settled without resending); otherwise it is sent again.
    /// </summary>
    internal BatchOperation Mutation(CohortReference cohort, bool add, UserReference user, int index)
    {
        var operation = add
            ? new BatchOperation(AddField, true, Arguments(cohort, user), ChangeSelection + "was_already_member", index)
            : new BatchOperation(RemoveField, true, Arguments(cohort, user), ChangeSelection + "user_was_member", index);
        operation.RecoverAfterLostAnswer = async ct =>
        {
            var check = new BatchOperation(MemberField, false, Arguments(cohort, user), "user_is_member");
            await foreach (var item in _client.ExecuteBatchAsync(new[] { check }, ct).ConfigureAwait(false))
            {
                if (!item.Succeeded) throw new TotaraException($"Checking {user}'s membership of audience {cohort} failed: {item.Error!.Explanation}", item.Error.Category);
                if (Flag(item.Data, "user_is_member") == add) return AppliedAnswer;
            }
            return null;
        };
        return operation.WithReadBack(user);
    }

    private static IReadOnlyList<BatchArgument> Arguments(CohortReference cohort, UserReference user) => new[]
    {
        new BatchArgument("user", "core_user_user_reference!", user.ToInput()),
        new BatchArgument("cohort", "core_cohort_cohort_reference!", cohort.ToInput()),
    };

    /// <summary>A result with its outcome settled and, when the site returned it, the user's id and username.</summary>
    private static CohortMembershipResult With(CohortMembershipResult tested, CohortMembershipOutcome outcome, JsonElement? data)
    {
        long? userId = null;
        string? username = null;
        if (data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.Object)
        {
            if (long.TryParse(JsonValues.Text(user, "id"), out var id)) userId = id;
            username = JsonValues.Text(user, "username");
        }
        return new CohortMembershipResult(tested.Request, tested.Tried, outcome, userId, username, null, false);
    }

    // The data of a mutation settled by checking membership: it ran, but what it returned is gone.
    private static readonly JsonElement AppliedAnswer = JsonDocument.Parse("{\"success\":true}").RootElement.Clone();

    /// <summary>True for Totara's "no such user" answer to a user reference (not the audience's).</summary>
    public static bool IsUserNotFound(TotaraGraphQLError? error) => error?.Outcome.IsUserNotFound == true;

    private static bool KeyMatches(CohortData cohort, string identity) =>
        string.Equals(cohort.IdNumber, identity.Trim(), StringComparison.Ordinal) ||
        string.Equals(cohort.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), identity.Trim(), StringComparison.Ordinal);

    // Decided from was_already_member alone: Totara versions differ on success for an existing
    // member (the API reference says false, the resolver code sets true).
    private static CohortMembershipOutcome AddOrRemoveOutcome(bool add, JsonElement? data) =>
        !add ? CohortMembershipOutcome.Removed
        : Flag(data, "was_already_member") ? CohortMembershipOutcome.AlreadyMember
        : CohortMembershipOutcome.Added;

    private static bool Flag(JsonElement? data, string name) =>
        data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    // Mutation 10 (query 5), the user object and its two fields, success, the flag.
    private static int Cost(CohortMembershipAction action) => action == CohortMembershipAction.Test ? 5 + 1 + 1 : 10 + 3 + 2 + 1;
}

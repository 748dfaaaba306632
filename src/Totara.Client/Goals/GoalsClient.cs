using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Users;

namespace Totara.Client.Goals;

/// <summary>
/// The goals area of the API (perform_goal_*): a user's goals, one goal, and batched create,
/// update, progress update and delete. A lost answer is settled by reading the goal back before
/// anything is resent, so a goal is never created twice.
/// </summary>
public sealed class GoalsClient
{
    private const string ListField = "perform_goal_user_goals";
    private const string ViewField = "perform_goal_view_goal";
    private const string CreateField = "perform_goal_create_goal";
    private const string UpdateField = "perform_goal_update_goal";
    private const string ProgressField = "perform_goal_update_progress";
    private const string DeleteField = "perform_goal_delete_goal";
    private const string GoalSelection = "goal { " + GoalData.Selection + " }";

    private readonly TotaraClient _client;

    internal GoalsClient(TotaraClient client) => _client = client;

    /// <summary>How many goal mutations fit in one request (a mutation 10, the goal object and its fields).</summary>
    public int OperationsPerRequest() => _client.OperationsPerRequest(10 + 1 + GoalData.CostPerGoal);

    /// <summary>
    /// Streams the goals of the user the first of <paramref name="candidates"/> that names a user
    /// names, tried in turn (a name a person gives may be a username or an idnumber).
    /// </summary>
    /// <exception cref="UserNotFoundException">No reference names a user.</exception>
    public async IAsyncEnumerable<GoalData> ListForFirstUserAsync(IReadOnlyList<UserReference> candidates, [EnumeratorCancellation] CancellationToken ct = default)
    {
        if (candidates is null || candidates.Count == 0) throw new ArgumentException("At least one reference is needed.", nameof(candidates));
        for (var i = 0; i < candidates.Count; i++)
        {
            var goals = ListForUserAsync(candidates[i], ct).GetAsyncEnumerator(ct);
            try
            {
                bool any;
                try
                {
                    any = await goals.MoveNextAsync().ConfigureAwait(false);
                }
                catch (TotaraException ex) when (ex.Errors.Count > 0 && ex.Errors[0].Outcome.IsUserNotFound)
                {
                    // The site refuses the first page for a user it does not know: try the next reference.
                    if (i + 1 < candidates.Count) continue;
                    throw new UserNotFoundException(candidates, ex);
                }
                while (any)
                {
                    yield return goals.Current;
                    any = await goals.MoveNextAsync().ConfigureAwait(false);
                }
                yield break;
            }
            finally
            {
                await goals.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Streams the goals of <paramref name="user"/> (the service account's own when null), page by page.</summary>
    public async IAsyncEnumerable<GoalData> ListForUserAsync(UserReference? user, [EnumeratorCancellation] CancellationToken ct = default)
    {
        // Root 5, items/total/next_cursor 3; per item the goal object and its fields.
        var pageSize = Math.Max(1, Math.Min(200, (_client.BatchComplexityLimit - 8) / (GoalData.CostPerGoal + 1)));
        var document =
            "query totara_powershell_goals($cursor: String, $filters: perform_goal_user_goals_filter) {\n" +
            "  perform_goal_user_goals(input: {filters: $filters, pagination: {cursor: $cursor, limit: " + pageSize.ToString(CultureInfo.InvariantCulture) + "}}) {\n" +
            "    items { " + GoalSelection + " }\n    total\n    next_cursor\n  }\n}";
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["cursor"] = null,
            ["filters"] = user is null ? null : new Dictionary<string, object?> { ["user"] = user.ToInput() },
        };
        await foreach (var item in _client.PageAsync(new GraphQLRequest(document, variables, "totara_powershell_goals"), ListField, "cursor", ct).ConfigureAwait(false))
            if (item.TryGetProperty("goal", out var goal) && goal.ValueKind == JsonValueKind.Object)
                yield return GoalData.FromJson(goal);
    }

    /// <summary>One goal; null when no goal matches the reference.</summary>
    public async Task<GoalData?> GetAsync(GoalReference reference, CancellationToken ct = default)
    {
        var result = await ViewAsync(reference, ct).ConfigureAwait(false);
        return result is { } data && data.TryGetProperty("goal", out var goal) && goal.ValueKind == JsonValueKind.Object ? GoalData.FromJson(goal) : null;
    }

    /// <summary>
    /// A create. With an id_number, a lost answer is settled by looking the goal up by it (found:
    /// applied; not found: resent). Without one nothing can tell, so it is reported as state
    /// unknown rather than risk a second goal.
    /// </summary>
    public BatchOperation Create(GoalChange goal, object? tag = null)
    {
        if (goal is null) throw new ArgumentNullException(nameof(goal));
        var operation = new BatchOperation(CreateField, true,
            new[] { new BatchArgument("input", "perform_goal_create_input!", goal.ToCreateInput()) },
            GoalSelection, new GoalOperationTag(GoalOperationKind.Create, null, tag));
        if (!string.IsNullOrWhiteSpace(goal.IdNumber))
        {
            var byIdNumber = GoalReference.ByIdNumber(goal.IdNumber!);
            operation.RecoverAfterLostAnswer = ct => ViewAsync(byIdNumber, ct);
            operation.ReadBack = ReadBackOf(byIdNumber);
        }
        return operation;
    }

    /// <summary>
    /// An update of exactly the fields set. Totara refuses a goal's own id_number as a duplicate,
    /// so an id_number equal to the reference's is not sent. A lost answer is settled by reading
    /// the goal: if it holds the values sent, the update ran.
    /// </summary>
    public BatchOperation Update(GoalReference target, GoalChange change, object? tag = null)
    {
        if (target is null) throw new ArgumentNullException(nameof(target));
        if (change is null) throw new ArgumentNullException(nameof(change));
        if (change.IdNumber is not null && string.Equals(change.IdNumber, target.IdNumber, StringComparison.Ordinal)) change.IdNumber = null;
        var after = !string.IsNullOrWhiteSpace(change.IdNumber) && target.Id is null ? GoalReference.ByIdNumber(change.IdNumber!) : target;
        return new BatchOperation(UpdateField, true,
            new[]
            {
                new BatchArgument("goal_reference", "perform_goal_reference!", target.ToInput()),
                new BatchArgument("input", "perform_goal_update_input!", change.ToUpdateInput()),
            },
            GoalSelection, new GoalOperationTag(GoalOperationKind.Update, target, tag))
        {
            RecoverAfterLostAnswer = async ct =>
            {
                var now = await ViewAsync(after, ct).ConfigureAwait(false);
                return now is { } data && data.TryGetProperty("goal", out var goal) && Holds(GoalData.FromJson(goal), change) ? now : null;
            },
            // Known to have run (it came before a failed alias): the goal as it is now is the answer.
            ReadBack = ReadBackOf(after),
        };
    }

    /// <summary>Sets a goal's status and current value. Idempotent (the same values again change nothing): resent after a lost answer.</summary>
    public BatchOperation UpdateProgress(GoalReference target, string status, double currentValue, object? tag = null)
    {
        if (target is null) throw new ArgumentNullException(nameof(target));
        if (string.IsNullOrWhiteSpace(status)) throw new ArgumentException("A progress update needs a status.", nameof(status));
        return new BatchOperation(ProgressField, true,
            new[]
            {
                new BatchArgument("goal_reference", "perform_goal_reference!", target.ToInput()),
                new BatchArgument("input", "perform_goal_update_progress_input!",
                    new Dictionary<string, object?> { ["status"] = status, ["current_value"] = currentValue }),
            },
            "current_value status { id label }", new GoalOperationTag(GoalOperationKind.Progress, target, tag))
        {
            IsIdempotent = true,
            // Used when the update is known to have run but its data went null with another alias's error.
            RecoverAfterLostAnswer = async ct =>
            {
                var now = await ViewAsync(target, ct).ConfigureAwait(false);
                return now is { } data && data.TryGetProperty("goal", out var g) && GoalData.FromJson(g) is var goal &&
                       goal.Status == status && goal.CurrentValue == currentValue ? now : null;
            },
            ReadBack = ReadBackOf(target),
            ReadBackAnswer = ProgressAnswer,
        };
    }

    /// <summary>A delete. A lost answer is settled by looking the goal up: gone means it ran.</summary>
    public BatchOperation Delete(GoalReference target, object? tag = null)
    {
        if (target is null) throw new ArgumentNullException(nameof(target));
        return new BatchOperation(DeleteField, true,
            new[] { new BatchArgument("goal_reference", "perform_goal_reference!", target.ToInput()) },
            "success", new GoalOperationTag(GoalOperationKind.Delete, target, tag))
        {
            RecoverAfterLostAnswer = async ct => await ViewAsync(target, ct).ConfigureAwait(false) is null ? DeletedAnswer : null,
            // Used only when the delete is known to have run (it came before the alias whose failure
            // nulled the answer): a delete that ran answers success, so there is nothing to ask the site.
            AnswerWhenApplied = DeletedAnswer,
        };
    }

    /// <summary>Reads goals in a batch, to fill in what a progress update leaves out; one entry per reference (null: not found).</summary>
    public async Task<IReadOnlyList<(GoalData? Goal, TotaraGraphQLError? Error)>> GetManyAsync(IReadOnlyList<GoalReference> references, CancellationToken ct = default)
    {
        var results = new (GoalData?, TotaraGraphQLError?)[references.Count];
        var operations = references.Select((r, i) => new BatchOperation(ViewField, false,
            new[] { new BatchArgument("goal_reference", "perform_goal_reference!", r.ToInput()) }, GoalSelection, i)).ToList();
        await foreach (var item in _client.ExecuteBatchAsync(operations, ct).ConfigureAwait(false))
        {
            var i = (int)item.Operation.Tag!;
            results[i] = item.Succeeded
                ? (item.Data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("goal", out var g) && g.ValueKind == JsonValueKind.Object ? GoalData.FromJson(g) : null, null)
                : (null, item.Error);
        }
        return results;
    }

    /// <summary>
    /// Finds the id of each request's user (trying its references in turn), in batched queries:
    /// goals are then created for users known to exist, so no create fails on an unknown user
    /// (whose error would null the data of the whole batch). Null id with an error: not found or failed.
    /// </summary>
    public async Task<IReadOnlyList<(long? UserId, TotaraGraphQLError? Error)>> ResolveUsersAsync(IReadOnlyList<UserRequest> requests, CancellationToken ct = default)
    {
        var answers = await UserFallbackQuery.RunAsync(_client, requests, (user, i) => new BatchOperation("core_user_user", false,
            new[] { new BatchArgument("reference", "core_user_user_reference!", user.ToInput()) }, "user { id }", i), ct).ConfigureAwait(false);
        return answers.Select((a, i) =>
        {
            if (a.UserNotFound) return ((long?)null, (TotaraGraphQLError?)new TotaraGraphQLError($"User reference not found: no user matches {requests[i].Describe()}.", "not_found"));
            if (a.Error is not null) return (null, a.Error);
            var id = a.Data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty("user", out var u) ? JsonValues.Long(u, "id") : null;
            return id is null ? (null, new TotaraGraphQLError($"User reference not found: no user matches {requests[i].Describe()}.", "not_found")) : (id, null);
        }).ToList();
    }

    /// <summary>Runs operations made by this class in batched requests; one result per operation, in input order.</summary>
    public async IAsyncEnumerable<GoalOperationResult> RunAsync(IEnumerable<BatchOperation> operations, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var item in _client.ExecuteBatchAsync(operations, ct).ConfigureAwait(false))
            yield return GoalOperationResult.From(item);
    }

    /// <summary>True for Totara's answer to a goal reference that matches no goal.</summary>
    public static bool IsNotFound(TotaraGraphQLError? error) => error?.Outcome is { IsNotFound: true, Subject: "Record" };

    /// <summary>The <c>{ goal { ... } }</c> answer of perform_goal_view_goal (detached), or null when no goal matches.</summary>
    private async Task<JsonElement?> ViewAsync(GoalReference reference, CancellationToken ct)
    {
        var request = new GraphQLRequest(
            "query totara_powershell_goal($goal_reference: perform_goal_reference!) {\n  perform_goal_view_goal(goal_reference: $goal_reference) { " + GoalSelection + " }\n}",
            new Dictionary<string, object?> { ["goal_reference"] = reference.ToInput() }, "totara_powershell_goal");
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
        if (response.Errors.Count > 0) throw new TotaraException($"Reading goal {reference} failed: {response.Errors[0].Explanation}", response.Errors[0].Category);
        return response.Data is { } data && data.TryGetProperty(ViewField, out var result) && result.ValueKind == JsonValueKind.Object &&
               result.TryGetProperty("goal", out var goal) && goal.ValueKind == JsonValueKind.Object
            ? result.Clone()
            : null;
    }

    /// <summary>
    /// perform_goal_view_goal for a goal a create or update is known to have reached: its
    /// <c>{ goal { ... } }</c> answer has the shape of the mutation's.
    /// </summary>
    private static BatchOperation ReadBackOf(GoalReference reference) =>
        new(ViewField, false, new[] { new BatchArgument("goal_reference", "perform_goal_reference!", reference.ToInput()) }, GoalSelection);

    /// <summary>A progress update's answer (<c>current_value status</c>) out of the goal read back.</summary>
    private static JsonElement? ProgressAnswer(JsonElement view)
    {
        if (!view.TryGetProperty("goal", out var goal) || goal.ValueKind != JsonValueKind.Object ||
            !goal.TryGetProperty("current_value", out var value) || !goal.TryGetProperty("status", out var status))
            return null;
        return JsonValues.Parse("{\"current_value\":" + value.GetRawText() + ",\"status\":" + status.GetRawText() + "}");
    }

    /// <summary>Whether the goal holds every value the change sets (dates to the second).</summary>
    private static bool Holds(GoalData goal, GoalChange change) =>
        (change.Name is null || goal.Name == change.Name.Trim())
        && (change.IdNumber is null || goal.IdNumber == change.IdNumber)
        && (change.Description is null || goal.Description == change.Description)
        && (change.StartDate is null || goal.StartDate?.ToUnixTimeSeconds() == change.StartDate.Value.ToUnixTimeSeconds())
        && (change.TargetDate is null || goal.TargetDate?.ToUnixTimeSeconds() == change.TargetDate.Value.ToUnixTimeSeconds())
        && (change.TargetValue is null || goal.TargetValue == change.TargetValue);

    private static readonly JsonElement DeletedAnswer = JsonValues.Parse("{\"success\":true}");
}

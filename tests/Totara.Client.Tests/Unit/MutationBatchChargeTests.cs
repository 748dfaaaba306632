using System.Net;
using System.Text.RegularExpressions;
using Totara.Client.Pacing;
using Totara.Client.Tests.Support;

namespace Totara.Client.Tests.Unit;

/// <summary>
/// What the budget books for a batch of mutations that Totara stopped at a failed alias: the
/// aliases up to and including the failed one (Totara never ran those after it), not the whole batch.
/// </summary>
public sealed class MutationBatchChargeTests
{
    private static readonly string[] Fields = { "id", "username", "email", "firstname", "lastname", "idnumber" };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task After_a_failed_alias_k_of_n_the_budget_books_the_cost_of_aliases_1_to_k(int k)
    {
        const int n = 6;
        // Each alias selects a different number of fields, so each prefix of the batch has its own cost.
        var selections = Enumerable.Range(0, n).Select(i => "{ user { " + string.Join(" ", Fields.Take(i + 1)) + " } }").ToList();
        var costs = selections.Select(s => new ComplexityEstimator().EstimateRootField(true, s, Array.Empty<object?>())).ToList();
        TotaraClient? client = null;
        long? spentWhenResendArrived = null;
        var batches = 0;
        var stub = new StubHandler((r, body) =>
        {
            if (r.RequestUri!.AbsolutePath.EndsWith("token.php")) return StubHandler.Token();
            if (++batches == 1)
                return StubHandler.Json(HttpStatusCode.OK,
                    $$$"""{"errors":[{"message":"Internal server error","path":["a{{{k - 1}}}"],"extensions":{"category":"internal"}}],"data":null}""");
            // The resend of the aliases after the failed one: the first booking has settled by now.
            spentWhenResendArrived = client!.ComplexitySpentInWindow;
            var aliases = Regex.Matches(body, @"\b(a\d+): core_user_create_user").Select(m => m.Groups[1].Value);
            return StubHandler.Json(HttpStatusCode.OK, "{\"data\":{" + string.Join(",", aliases.Select(a => $"\"{a}\":{{\"user\":{{\"id\":\"1\"}}}}")) + "}}");
        });
        client = stub.NewClient();
        var operations = selections.Select((s, i) => new BatchOperation("core_user_create_user", isMutation: true,
            new[] { new BatchArgument("input", "core_user_create_user_input!", new Dictionary<string, object?> { ["username"] = $"u{i}" }) }, s)).ToList();

        var results = await client.ExecuteBatchAsync(operations).ToListAsync();

        Assert.False(results[k - 1].Succeeded);
        Assert.NotNull(spentWhenResendArrived);
        // In the window then: the failed request's booking, settled, and the resend's estimate, in flight.
        var bookedForFailedRequest = spentWhenResendArrived!.Value - costs.Skip(k).Sum();
        Assert.Equal(costs.Take(k).Sum(), bookedForFailedRequest);
        client.Dispose();
    }
}

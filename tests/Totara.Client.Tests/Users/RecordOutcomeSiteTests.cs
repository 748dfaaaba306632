using Totara.Client.Outcomes;
using Totara.Client.Tests.Support;
using Totara.Client.Users;
using Totara.Emulator;

namespace Totara.Client.Tests.Users;

/// <summary>
/// Each record's outcome is decided once, in Totara.Client, from the category and debugMessage,
/// never from "Internal server error"; at response_debug NONE, from a look-up.
/// </summary>
public sealed class RecordOutcomeSiteTests
{
    private static UserChange NewUser(string username) => new UserChange()
        .Set("username", username).Set("firstname", "F").Set("lastname", "L").Set("email", username + "@example.org");

    private static async Task<List<UserOperationResult>> RunAsync(TotaraClient client, params BatchOperation[] operations)
    {
        var results = new List<UserOperationResult>();
        await foreach (var result in client.Users.RunAsync(operations)) results.Add(result);
        return results.OrderBy(r => r.Index).ToList();
    }

    [Theory]
    [InlineData(ResponseDebug.Normal)]
    [InlineData(ResponseDebug.None)]
    public async Task Update_and_delete_of_a_missing_user_are_not_found(ResponseDebug level)
    {
        await using var site = await TestSite.StartAsync(o => o.ResponseDebug = level);
        var users = site.Client.Users;

        var results = await RunAsync(site.Client,
            users.Update(UserReference.ByUsername("nobody_here"), new UserChange().Set("city", "X")),
            users.Delete(UserReference.ByUsername("nobody_either")));

        Assert.All(results, r => Assert.Equal(RecordOutcomeKind.NotFound, r.Outcome.Kind));
        Assert.All(results, r => Assert.Equal("Internal server error", r.Error!.Message));
    }

    [Theory]
    [InlineData(ResponseDebug.Normal, RecordOutcomeKind.Refused)]
    [InlineData(ResponseDebug.None, RecordOutcomeKind.Refused)]
    public async Task Deleting_the_service_account_is_refused(ResponseDebug level, RecordOutcomeKind expected)
    {
        await using var site = await TestSite.StartAsync(o => o.ResponseDebug = level);

        var result = Assert.Single(await RunAsync(site.Client, site.Client.Users.Delete(UserReference.ByUsername("api_service"))));

        Assert.Equal(expected, result.Outcome.Kind);
        Assert.Equal(level == ResponseDebug.Normal, result.Outcome.OwnAccount);
    }

    [Theory]
    [InlineData(ResponseDebug.Normal)]
    [InlineData(ResponseDebug.None)]
    public async Task Reading_a_missing_user_or_its_job_assignments_gives_nothing_at_every_level(ResponseDebug level)
    {
        await using var site = await TestSite.StartAsync(o => o.ResponseDebug = level);

        Assert.Null(await site.Client.Users.GetAsync(UserReference.ByUsername("nobody_here")));
        Assert.Empty(await site.Client.JobAssignments.IdNumbersAsync(new[] { UserReference.ByUsername("nobody_here") }));
    }

    [Fact]
    public void The_classifier_never_reads_the_generic_message()
    {
        var generic = new TotaraGraphQLError("User reference not found", "internal");
        var withText = new TotaraGraphQLError("Internal server error", "internal", "Job assignment reference not found");

        Assert.Equal(RecordOutcomeKind.Unknown, RecordErrorClassifier.Classify(generic).Kind);
        Assert.Equal(RecordOutcomeKind.NotFound, RecordErrorClassifier.Classify(withText).Kind);
        Assert.Equal("Job assignment", RecordErrorClassifier.Classify(withText).Subject);
    }
}

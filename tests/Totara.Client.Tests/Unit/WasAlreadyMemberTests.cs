using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Totara.Client.Cohorts;
using Totara.Client.Tests.Support;
using Totara.Client.Users;

namespace Totara.Client.Tests.Unit;

/// <summary>
/// For adding an existing member the API reference says success: false, the resolver code
/// (cohort_add_cohort_member) sets success: true; the client decides from was_already_member alone.
/// </summary>
public sealed class WasAlreadyMemberTests
{
    [Theory]
    [InlineData(true, true, CohortMembershipOutcome.AlreadyMember)]
    [InlineData(false, true, CohortMembershipOutcome.AlreadyMember)]
    [InlineData(true, false, CohortMembershipOutcome.Added)]
    public async Task The_add_outcome_is_decided_from_was_already_member_alone(bool success, bool wasAlreadyMember, CohortMembershipOutcome expected)
    {
        var stub = new StubHandler((r, body) =>
        {
            if (r.RequestUri!.AbsolutePath.EndsWith("token.php")) return StubHandler.Token();
            var query = JsonDocument.Parse(body).RootElement.GetProperty("query").GetString()!;
            var answers = new Dictionary<string, object>();
            // The user became a member between the check and the add (another run, say).
            foreach (Match m in Regex.Matches(query, @"(\w+): core_cohort_is_user_member"))
                answers[m.Groups[1].Value] = new { user_is_member = false };
            foreach (Match m in Regex.Matches(query, @"(\w+): core_cohort_add_cohort_member"))
                answers[m.Groups[1].Value] = new { user = new { id = "7", username = "ann" }, success, was_already_member = wasAlreadyMember };
            return StubHandler.Json(HttpStatusCode.OK, JsonSerializer.Serialize(new { data = answers }));
        });
        using var client = stub.NewClient();

        var results = await client.Cohorts.RunMembershipAsync(CohortReference.ByIdNumber("SALES"), CohortMembershipAction.Add,
            new[] { new UserRequest(UserReference.ByUsername("ann")) });

        Assert.Equal(expected, Assert.Single(results).Outcome);
    }
}

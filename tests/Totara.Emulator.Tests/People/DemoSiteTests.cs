using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.People;

public class DemoSiteTests : IClassFixture<DemoEmulatorFixture>
{
    private readonly DemoEmulatorFixture _fixture;

    public DemoSiteTests(DemoEmulatorFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public async Task The_demo_site_serves_employees_with_jobs_managers_and_audiences()
    {
        using var client = _fixture.CreateClient();
        var user = await client.DataAsync("core_user_user", """
            query { core_user_user(reference: {idnumber: "EMP00042"}) { user {
              username email department custom_fields { shortname data }
              job_assignments { idnumber position { fullname } organisation { fullname } managerja { user { idnumber } } }
            } } }
            """);
        var job = Assert.Single(user.GetProperty("user").GetProperty("job_assignments").EnumerateArray());
        Assert.Equal("JA-EMP00042", job.GetProperty("idnumber").GetString());
        Assert.False(string.IsNullOrEmpty(job.GetProperty("position").GetProperty("fullname").GetString()));
        Assert.StartsWith("EMP", job.GetProperty("managerja").GetProperty("user").GetProperty("idnumber").GetString());
        Assert.Equal(2, user.GetProperty("user").GetProperty("custom_fields").GetArrayLength());

        var users = await client.DataAsync("core_user_users", "query { core_user_users(query: {filters: {status: ALL}}) { total } }");
        Assert.True(users.GetProperty("total").GetInt32() > 300);

        var cohorts = await client.DataAsync("core_cohort_static_cohorts", "query { core_cohort_static_cohorts(query: {pagination: {limit: 50}}) { items { idnumber members_count } total } }");
        Assert.Contains(cohorts.GetProperty("items").EnumerateArray(), c => c.GetProperty("idnumber").GetString() == "AUD-ALL" && c.GetProperty("members_count").GetInt32() > 250);
        Assert.DoesNotContain(cohorts.GetProperty("items").EnumerateArray(), c => c.GetProperty("idnumber").GetString() == "AUD-MANAGERS");
    }
}

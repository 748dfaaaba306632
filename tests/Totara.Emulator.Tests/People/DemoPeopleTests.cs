using Totara.Emulator.Domain;

namespace Totara.Emulator.Tests.People;

public class DemoPeopleTests
{
    [Fact]
    public void The_same_seed_gives_the_same_people_and_another_seed_does_not()
    {
        var a = Site(7);
        var b = Site(7);
        var c = Site(8);
        Assert.Equal(Fingerprint(a), Fingerprint(b));
        Assert.NotEqual(Fingerprint(a), Fingerprint(c));
    }

    [Fact]
    public void Employees_have_unique_keys_and_believable_fields()
    {
        var state = Site(DemoData.DefaultSeed);
        var employees = Employees(state);
        Assert.Equal(DemoData.DemoUserCount, employees.Count);
        Assert.Equal(employees.Count, employees.Select(u => u.Username).Distinct().Count());
        Assert.Equal(employees.Count, employees.Select(u => u.Email).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal("EMP00001", employees[0].IdNumber);
        Assert.All(employees, u =>
        {
            Assert.Matches("^[a-z0-9.]+$", u.Username);
            Assert.False(string.IsNullOrWhiteSpace(u.Department));
            Assert.False(string.IsNullOrWhiteSpace(u.City));
        });
        Assert.Contains(employees, u => u.Suspended);
    }

    [Fact]
    public void Every_employee_has_a_job_and_managers_form_one_tree_without_loops()
    {
        var state = Site(DemoData.DefaultSeed);
        var jobs = Employees(state).Select(u => Assert.Single(state.Jobs.ForUser(u.Id))).ToList();
        var roots = jobs.Where(j => j.ManagerJaId is null).ToList();
        Assert.Single(roots);
        foreach (var job in jobs)
        {
            var seen = new HashSet<long>();
            for (var current = job; current is not null; current = state.Jobs.Get(current.ManagerJaId))
            {
                Assert.True(seen.Add(current.Id), $"Loop above job {job.IdNumber}");
            }

            Assert.NotNull(state.Positions.Get(job.PositionId));
            Assert.NotNull(state.Organisations.Get(job.OrganisationId));
        }

        Assert.Contains(jobs, j => j.AppraiserId is not null);
        Assert.Contains(jobs, j => j.TempManagerJaId is not null && j.TempManagerExpiryDate is not null);
    }

    [Fact]
    public void Audiences_include_static_ones_with_members_and_a_dynamic_one()
    {
        var state = Site(DemoData.DefaultSeed);
        var all = state.Cohorts.Resolve(new Dictionary<string, object?> { ["idnumber"] = "AUD-ALL" });
        Assert.True(state.Cohorts.MemberCount(all.Id) > 250);
        Assert.Equal(0, state.Cohorts.MemberCount(state.Cohorts.Resolve(new Dictionary<string, object?> { ["idnumber"] = "AUD-GRAD27" }).Id));
        var dynamic = state.Cohorts.Resolve(new Dictionary<string, object?> { ["idnumber"] = "AUD-MANAGERS" });
        Assert.True(dynamic.IsDynamic);
        Assert.DoesNotContain(state.Cohorts.StaticCohorts(), c => c.IsDynamic);
    }

    private static EmulatorState Site(int seed)
    {
        var state = new EmulatorState();
        DemoData.Populate(state, seed);
        return state;
    }

    private static List<UserRecord> Employees(EmulatorState state) =>
        state.Users.Snapshot(u => u.IdNumber?.StartsWith("EMP", StringComparison.Ordinal) == true);

    private static string Fingerprint(EmulatorState state) => string.Join("\n", Employees(state).Select(u =>
        $"{u.Id}|{u.Username}|{u.Email}|{u.City}|{u.Suspended}|{u.TimeCreated}|{string.Join(",", state.Jobs.ForUser(u.Id).Select(j => $"{j.IdNumber}>{j.ManagerJaId}/{j.PositionId}/{j.AppraiserId}"))}"));
}

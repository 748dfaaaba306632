using Totara.Emulator.Domain;
using Totara.Emulator.Domain.Jobs;
using Totara.Emulator.Tests.TestSupport;

namespace Totara.Emulator.Tests.People;

/// <summary>
/// Which changes move a timemodified, as in Totara's code, and how core_user_users filters by it:
/// what a delta sync can see (one test per rule, named after the rule; docs/emulator.md lists them).
/// </summary>
public sealed class TimeModifiedRulesTests
{
    private readonly ManualClock _clock = new();
    private readonly EmulatorState _state = new();

    public TimeModifiedRulesTests() => _state.LearningTime = _clock;

    private UserRecord NewUser(string username) => new UserService(_state).Create(new Dictionary<string, object?>
    {
        ["username"] = username, ["email"] = username + "@example.com", ["firstname"] = "Tim", ["lastname"] = "Stamp", ["idnumber"] = username.ToUpperInvariant(), ["generate_password"] = true,
    });

    private static Dictionary<string, object?> ByUsername(string username) => new() { ["username"] = username };

    private long Now => _clock.GetUtcNow().ToUnixTimeSeconds();

    [Fact]
    public void Since_timemodified_keeps_users_modified_at_or_after_the_value()
    {
        var early = NewUser("early");
        _clock.Advance(TimeSpan.FromSeconds(10));
        var atTheSecond = NewUser("atthesecond");
        _clock.Advance(TimeSpan.FromSeconds(10));
        NewUser("late");

        var query = new Dictionary<string, object?>
        {
            ["filters"] = new Dictionary<string, object?> { ["status"] = "ALL", ["since_timemodified"] = atTheSecond.TimeModified.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        var page = UserListQuery.Run(_state.Users, query);

        Assert.Equal(new[] { "atthesecond", "late" }, page.Items.Select(u => u.Username).Where(u => u != "admin" && u != "guest").ToArray());
        Assert.True(early.TimeModified < atTheSecond.TimeModified);
    }

    [Fact]
    public void Every_user_update_stamps_the_users_timemodified()
    {
        var user = NewUser("stamped");
        Assert.Equal(Now, user.TimeModified);
        var users = new UserService(_state);
        foreach (var input in new[]
                 {
                     new Dictionary<string, object?> { ["department"] = "Sales" },
                     new Dictionary<string, object?> { ["suspended"] = true },
                 })
        {
            _clock.Advance(TimeSpan.FromMinutes(5));
            users.Update(ByUsername("stamped"), input, actorId: 2);
            Assert.Equal(Now, user.TimeModified);
        }
    }

    [Fact]
    public void A_job_assignment_change_stamps_the_assignment_and_never_the_user()
    {
        var user = NewUser("worker");
        var stamped = user.TimeModified;
        var jobs = new JobAssignmentService(_state);
        _clock.Advance(TimeSpan.FromHours(1));
        var job = jobs.Create(new Dictionary<string, object?> { ["user"] = ByUsername("worker"), ["idnumber"] = "J1", ["fullname"] = "First" });
        _clock.Advance(TimeSpan.FromHours(1));
        jobs.Update(new Dictionary<string, object?> { ["id"] = job.Id }, new Dictionary<string, object?> { ["fullname"] = "Second" });

        Assert.Equal("Second", _state.Jobs.Get(job.Id)!.FullName);
        Assert.Equal(Now, _state.Jobs.Get(job.Id)!.TimeModified);
        Assert.Equal(stamped, user.TimeModified);
    }

    [Fact]
    public void Adding_or_removing_an_audience_member_changes_neither_the_audience_nor_the_users_timemodified()
    {
        var user = NewUser("member");
        var cohort = _state.Cohorts.Add("Staff", "STAFF", timeCreated: Now);
        var (cohortStamp, userStamp) = (cohort.TimeModified, user.TimeModified);
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.True(_state.Cohorts.AddMember(cohort.Id, user.Id));
        Assert.True(_state.Cohorts.RemoveMember(cohort.Id, user.Id));

        Assert.Equal((cohortStamp, userStamp), (cohort.TimeModified, user.TimeModified));
    }
}

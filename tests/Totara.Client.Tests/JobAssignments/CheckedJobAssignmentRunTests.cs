using Totara.Client.JobAssignments;
using Totara.Client.Tests.Support;
using Totara.Client.Users;

namespace Totara.Client.Tests.JobAssignments;

/// <summary>
/// RunCheckedAsync against the emulator over HTTP: HR Import's rules for a run of job-assignment
/// requests (managers without a job settled, refusals before sending, manager-first order, cycles).
/// </summary>
public sealed class CheckedJobAssignmentRunTests
{
    private static readonly UserReference Boss = JobAssignmentsClientSiteTests.Boss;
    private static readonly UserReference Worker = JobAssignmentsClientSiteTests.Worker;
    private static readonly UserReference Intern = JobAssignmentsClientSiteTests.Intern;
    private static readonly UserReference Nobody = UserReference.ByIdNumber("E-nobody");

    private static Task<TestSite> SiteAsync() => JobAssignmentsClientSiteTests.SiteAsync();

    [Fact]
    public async Task What_the_site_would_refuse_is_refused_before_sending_with_its_reason()
    {
        await using var site = await SiteAsync();
        var jobs = site.Client.JobAssignments;
        await jobs.RunAsync(new[] { jobs.Create(Worker, "W1") }).ToListAsync();

        var outcomes = await jobs.RunCheckedAsync(new[]
        {
            JobAssignmentRequest.Create(Nobody, "N1", null),
            JobAssignmentRequest.Create(Worker, "W1", null),
            JobAssignmentRequest.Update(JobAssignmentReference.ByIdNumber(Worker, "W9"), new JobAssignmentChange().SetFullName("x")),
            JobAssignmentRequest.Delete(JobAssignmentReference.ByIdNumber(Worker, "W9")),
        });

        Assert.Equal(new JobAssignmentRefusal?[] { JobAssignmentRefusal.HolderNotFound, JobAssignmentRefusal.AlreadyExists, JobAssignmentRefusal.NotFound, JobAssignmentRefusal.NotFound },
            outcomes.Select(o => o.Refusal));
        Assert.All(outcomes, o => Assert.Null(o.Result));
        Assert.Equal("no user matches idnumber 'E-nobody'.", outcomes[0].Problem);
        Assert.Equal(new[] { "W1" }, (await jobs.ListAsync().ToListAsync()).Select(j => j.IdNumber));   // nothing was sent
    }

    [Fact]
    public async Task A_manager_named_without_a_job_means_their_first_assignment_on_the_site_or_the_first_the_run_creates()
    {
        await using var site = await SiteAsync();
        var jobs = site.Client.JobAssignments;
        await jobs.RunAsync(new[] { jobs.Create(Boss, "B1"), jobs.Create(Boss, "B2") }).ToListAsync();

        var worker = JobAssignmentRequest.Create(Worker, "W1", new JobAssignmentChange());
        worker.ManagerWithoutJob = Boss;
        // The intern's manager is the worker, whose job this same run creates after it.
        var intern = JobAssignmentRequest.Create(Intern, "I1", new JobAssignmentChange());
        intern.ManagerWithoutJob = Worker;
        var outcomes = await jobs.RunCheckedAsync(new[] { intern, worker });

        Assert.All(outcomes, o => Assert.True(o.Succeeded, o.Problem ?? o.Result?.Error?.Explanation));
        Assert.Equal("B1", outcomes[1].Result!.JobAssignment!.ManagerJobAssignmentIdNumber);
        Assert.Equal("W1", outcomes[0].Result!.JobAssignment!.ManagerJobAssignmentIdNumber);
    }

    [Fact]
    public async Task A_manager_without_any_job_or_without_a_user_is_refused_naming_which_manager()
    {
        await using var site = await SiteAsync();
        var jobs = site.Client.JobAssignments;

        var noJob = JobAssignmentRequest.Create(Worker, "W1", new JobAssignmentChange());
        noJob.TempManagerWithoutJob = Boss;
        var noUser = JobAssignmentRequest.Create(Intern, "I1", new JobAssignmentChange());
        noUser.ManagerWithoutJob = Nobody;
        var outcomes = await jobs.RunCheckedAsync(new[] { noJob, noUser });

        Assert.Equal(JobAssignmentRefusal.ManagerHasNoJob, outcomes[0].Refusal);
        Assert.True(outcomes[0].AboutTempManager);
        Assert.Equal(JobAssignmentRefusal.ManagerNotFound, outcomes[1].Refusal);
        Assert.False(outcomes[1].AboutTempManager);
        Assert.Empty(await jobs.ListAsync().ToListAsync());
    }

    [Fact]
    public async Task A_management_cycle_is_refused_whole_naming_its_members_and_the_rest_go_manager_first()
    {
        await using var site = await SiteAsync();
        var jobs = site.Client.JobAssignments;

        var staff = JobAssignmentRequest.Create(Intern, "I1", new JobAssignmentChange().SetManager(JobAssignmentReference.ByIdNumber(Boss, "B1")), tag: "staff");
        var boss = JobAssignmentRequest.Create(Boss, "B1", null, tag: "boss");
        var a = JobAssignmentRequest.Create(Worker, "WA", new JobAssignmentChange().SetManager(JobAssignmentReference.ByIdNumber(Worker, "WB")), tag: "a");
        var b = JobAssignmentRequest.Create(Worker, "WB", new JobAssignmentChange().SetManager(JobAssignmentReference.ByIdNumber(Worker, "WA")), tag: "b");
        var outcomes = await jobs.RunCheckedAsync(new[] { staff, a, boss, b });

        Assert.True(outcomes[0].Succeeded, outcomes[0].Result?.Error?.Explanation);
        Assert.True(outcomes[2].Succeeded);
        Assert.Equal(JobAssignmentRefusal.ManagementCycle, outcomes[1].Refusal);
        Assert.Equal(JobAssignmentRefusal.ManagementCycle, outcomes[3].Refusal);
        Assert.Equal(new object?[] { "a", "b" }, outcomes[1].Cycle.Select(r => r.Tag).OrderBy(t => t));
        Assert.Equal(new[] { "B1", "I1" }, (await jobs.ListAsync().ToListAsync()).Select(j => j.IdNumber).OrderBy(x => x));
    }
}

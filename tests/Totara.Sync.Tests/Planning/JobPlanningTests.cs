using Totara.Client.JobAssignments;
using static Totara.Sync.Tests.Support.Rows;

namespace Totara.Sync.Tests.Planning;

public sealed class JobPlanningTests
{
    private static SourceUser WithJob(string idNumber, string job, string? manager = null)
    {
        var row = Row(idNumber);
        row.Job = new SourceJob { IdNumber = job, ManagerIdNumber = manager, Position = "P1" };
        return row;
    }

    [Fact]
    public void Creates_come_manager_first_and_after_every_user_change()
    {
        var rows = new[] { WithJob("E3", "J3", "E2"), WithJob("E2", "J2", "E1"), WithJob("E1", "J1") };
        var options = new SyncOptions();
        var plan = SyncPlanner.Plan(SourceValidator.Validate(rows, options), Array.Empty<SiteUser>(), options, jobs: new SiteJobs(Array.Empty<JobAssignmentData>()));

        Assert.Equal(new[] { "Create E3", "Create E2", "Create E1", "CreateJobAssignment E1", "CreateJobAssignment E2", "CreateJobAssignment E3" },
            plan.Changes.Select(c => $"{c.Action} {c.Key}"));
        Assert.Equal("manager", plan.Changes[5].Fields.Last().Field);
        Assert.Equal("E2/J2", plan.Changes[5].Fields.Last().NewValue);
    }

    [Fact]
    public void A_cycle_refuses_every_row_in_it_naming_the_chain_and_leaves_the_rest()
    {
        var rows = new[] { WithJob("A", "JA", "B"), WithJob("B", "JB", "A"), WithJob("C", "JC", "A") };

        var validation = SourceValidator.Validate(rows, new SyncOptions());

        Assert.Equal(new[] { rows[2] }, validation.Valid);
        Assert.All(validation.Problems, p => Assert.Contains("management cycle A -> B -> A", p.Message));
        Assert.Equal(2, validation.Problems.Count);
    }

    [Fact]
    public void A_manager_must_be_in_the_source_or_on_the_site_with_a_job()
    {
        var options = new SyncOptions();
        var rows = new[] { WithJob("E1", "J1", "M1"), WithJob("E2", "J2", "M2") };
        var site = new[] { Site(10, "M1") };   // M1 is on the site, without any job assignment

        var plan = SyncPlanner.Plan(SourceValidator.Validate(rows, options), site, options, jobs: new SiteJobs(Array.Empty<JobAssignmentData>()));

        Assert.Empty(plan.Changes);
        Assert.Equal(new[] { "manager 'M1' has no job assignment in the source or on the site.", "manager 'M2' is not in the source or on the site." },
            plan.Problems.Select(p => p.Message));
    }

    [Fact]
    public void A_row_whose_manager_or_appraiser_row_was_refused_says_so()
    {
        var options = new SyncOptions();
        var manager = WithJob("M1", "JM1");
        manager.Set("email", "not-an-email");   // refused while validating
        var staff = WithJob("E1", "J1", "M1");
        var appraised = WithJob("E2", "J2");
        appraised.Job!.AppraiserIdNumber = "M1";

        var plan = SyncPlanner.Plan(SourceValidator.Validate(new[] { manager, staff, appraised }, options), Array.Empty<SiteUser>(), options,
            jobs: new SiteJobs(Array.Empty<JobAssignmentData>()));

        Assert.Empty(plan.Changes);
        Assert.Equal(new[]
        {
            ("manageridnumber", "manager 'M1' is in the source, but that row was refused (see its error); fix it and this row follows."),
            ("appraiseridnumber", "appraiser 'M1' is in the source, but that row was refused (see its error); fix it and this row follows."),
        }, plan.Problems.Select(p => (p.Field!, p.Message)));
    }

    [Fact]
    public void Dates_that_do_not_read_as_dates_are_refused()
    {
        var row = WithJob("E1", "J1");
        row.Job!.StartDate = "31/31/2024";

        var problem = Assert.Single(SourceValidator.Validate(new[] { row }, new SyncOptions()).Problems);

        Assert.Equal("jobassignmentstartdate", problem.Field);
    }
}

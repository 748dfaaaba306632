using Totara.Client.JobAssignments;
using Totara.Client.Users;
using Totara.Sync.Tests.Support;

namespace Totara.Sync.Tests.Delta;

/// <summary>
/// What only a full run sees: site-side changes that move no user's timemodified in Totara (a job
/// assignment edited, a membership removed by hand) or hide the user from every list (a deletion).
/// A delta run leaves them; the next full run (-Full, or -FullAfter) repairs them. docs/sync.md says so.
/// </summary>
public sealed class FullRunOnlyTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "full-only-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static List<SourceUser> Rows() => Enumerable.Range(1, 3).Select(i =>
    {
        var row = new SourceUser(i).Set("idnumber", $"F{i}").Set("username", $"f{i}").Set("email", $"f{i}@example.com")
            .Set("firstname", "Fay").Set("lastname", $"Row {i}");
        row.Audiences = new[] { "Staff" };
        row.Job = new SourceJob { IdNumber = $"FJ{i}", FullName = $"Job {i}" };
        return row;
    }).ToList();

    [Fact]
    public async Task A_job_edit_a_membership_removed_and_a_user_deleted_on_the_site_are_repaired_by_the_next_full_run_only()
    {
        var clock = new ManualClock();
        await using var site = await SyncSite.StartAsync(clock, _folder, "Staff");
        var options = new SyncOptions { StatePath = site.StatePath, Clock = clock, ServiceAccount = "svc_sync" };
        await site.SyncAsync(Rows(), options);
        // The run after the creates reads the new users again (their timemodified is after the first read) and settles.
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty((await site.SyncAsync(Rows(), options)).Changes);
        var expected = site.Content();

        var state = site.Host.State;
        var f1 = state.Users.GetByUsername("f1")!;
        var job = state.Jobs.ForUser(f1.Id).Single();
        await foreach (var result in site.Admin.JobAssignments.RunAsync(new[] { site.Admin.JobAssignments.Update(JobAssignmentReference.ById(job.Id), new JobAssignmentChange().SetFullName("Edited by hand")) }))
            Assert.True(result.Succeeded);
        state.Cohorts.RemoveMember(state.Cohorts.StaticCohorts().Single().Id, state.Users.GetByUsername("f2")!.Id);
        await foreach (var result in site.Admin.Users.RunAsync(new[] { site.Admin.Users.Delete(UserReference.ByUsername("f3")) }))
            Assert.True(result.Succeeded);

        clock.Advance(TimeSpan.FromHours(1));
        var delta = await site.SyncAsync(Rows(), options);
        Assert.Equal(SyncRunKind.Delta, delta.Run.Kind);
        Assert.Empty(delta.Changes);
        Assert.NotEqual(expected, site.Content());

        clock.Advance(TimeSpan.FromHours(1));
        var full = await site.SyncAsync(Rows(), new SyncOptions { StatePath = site.StatePath, Clock = clock, ServiceAccount = "svc_sync", Full = true });
        Assert.Equal(new[] { SyncAction.Create, SyncAction.CreateJobAssignment, SyncAction.UpdateJobAssignment, SyncAction.AddMember, SyncAction.AddMember },
            full.Changes.Select(c => c.Action).ToArray());
        Assert.Equal(expected, site.Content());
    }
}

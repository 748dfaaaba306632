using Totara.Client.JobAssignments;
using Totara.Client.Tests.Support;
using Totara.Client.Users;
using Totara.Emulator;
using UserRecord = Totara.Emulator.Domain.UserRecord;

namespace Totara.Client.Tests.JobAssignments;

/// <summary>The job assignments area against the emulator over HTTP.</summary>
public sealed class JobAssignmentsClientSiteTests
{
    internal static readonly UserReference Boss = UserReference.ByIdNumber("E-boss");
    internal static readonly UserReference Worker = UserReference.ByIdNumber("E-worker");
    internal static readonly UserReference Intern = UserReference.ByIdNumber("E-intern");

    /// <summary>A site with the users boss, worker and intern (idnumbers E-boss, ...), a position and an organisation.</summary>
    internal static async Task<TestSite> SiteAsync()
    {
        var site = await TestSite.StartAsync();
        var state = site.Host.State;
        foreach (var name in new[] { "boss", "worker", "intern" })
            state.Users.Add(new UserRecord { Id = state.Users.NextId(), Username = name, Email = name + "@example.org", FirstName = name, LastName = "Test", IdNumber = "E-" + name });
        state.Positions.AddItem(state.Positions.AddFramework("Roles", "POSFW"), "Analyst", "POS1");
        state.Organisations.AddItem(state.Organisations.AddFramework("Company", "ORGFW"), "Head office", "ORG1");
        return site;
    }

    private static async Task<JobAssignmentOperationResult> RunOneAsync(TestSite site, BatchOperation operation)
    {
        var result = await site.Client.JobAssignments.RunAsync(new[] { operation }).SingleAsync();
        Assert.True(result.Succeeded, result.Error?.Explanation);
        return result;
    }

    [Fact]
    public async Task A_create_returns_the_assignment_with_every_relation_named_and_get_reads_it_back()
    {
        await using var site = await SiteAsync();
        var jobs = site.Client.JobAssignments;
        await RunOneAsync(site, jobs.Create(Boss, "B1", new JobAssignmentChange().SetFullName("Director")));
        var start = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var expiry = DateTimeOffset.UtcNow.AddDays(30);
        var change = new JobAssignmentChange()
            .SetFullName("Analyst").SetStartDate(start).SetPosition("POS1").SetOrganisation("ORG1")
            .SetManager(JobAssignmentReference.ByIdNumber(Boss, "B1"))
            .SetTempManager(JobAssignmentReference.ByIdNumber(Boss, "B1")).SetTempManagerExpiry(expiry)
            .SetAppraiser(UserReference.ByUsername("intern"));

        var created = (await RunOneAsync(site, jobs.Create(Worker, "W1", change, tag: "row 2"))).JobAssignment!;
        var read = await jobs.GetAsync(JobAssignmentReference.ByIdNumber(Worker, "W1"));

        foreach (var job in new[] { created, read! })
        {
            Assert.Equal("W1", job.IdNumber);
            Assert.Equal("Analyst", job.FullName);
            Assert.Equal("worker", job.User.Username);
            Assert.Equal("E-worker", job.User.IdNumber);
            Assert.Equal(start, job.StartDate);
            Assert.Null(job.EndDate);
            Assert.Equal(("POS1", "Analyst"), (job.PositionIdNumber, job.PositionName));
            Assert.Equal(("ORG1", "Head office"), (job.OrganisationIdNumber, job.OrganisationName));
            Assert.Equal("B1", job.ManagerJobAssignmentIdNumber);
            Assert.Equal("boss", job.Manager!.Username);
            Assert.Equal("E-boss", job.TempManager!.IdNumber);
            Assert.Equal(expiry.ToUnixTimeSeconds(), job.TempManagerExpiryDate!.Value.ToUnixTimeSeconds());
            Assert.Equal("intern", job.Appraiser!.Username);
        }
    }

    [Fact]
    public async Task The_list_streams_every_assignment_across_pages_in_id_order()
    {
        await using var site = await SiteAsync();
        var jobs = site.Client.JobAssignments;
        var operations = Enumerable.Range(1, 5).Select(i => jobs.Create(i % 2 == 0 ? Boss : Worker, "J" + i)).ToList();
        await jobs.RunAsync(operations).ToListAsync();

        var listed = await jobs.ListAsync(new JobAssignmentListOptions { PageSize = 2 }).ToListAsync();
        var newestFirst = await jobs.ListAsync(new JobAssignmentListOptions { PageSize = 2, Descending = true }).ToListAsync();

        Assert.Equal(new[] { "J1", "J2", "J3", "J4", "J5" }, listed.Select(j => j.IdNumber));
        Assert.Equal(listed.Select(j => j.Id).Reverse(), newestFirst.Select(j => j.Id));
        Assert.True(site.Host.Counters.Requests >= 3 + 3, "two-item pages need three requests per list");
    }

    [Fact]
    public async Task A_users_assignments_come_in_the_users_order_and_an_unknown_user_reads_as_null()
    {
        await using var site = await SiteAsync();
        var jobs = site.Client.JobAssignments;
        await jobs.RunAsync(new[] { jobs.Create(Worker, "second-made-first"), jobs.Create(Worker, "then-this") }).ToListAsync();

        var mine = await jobs.ForUserAsync(Worker);

        Assert.Equal(new[] { "second-made-first", "then-this" }, mine!.Select(j => j.IdNumber));
        Assert.Null(await jobs.ForUserAsync(UserReference.ByUsername("nobody")));
        Assert.Null(await jobs.GetAsync(JobAssignmentReference.ByIdNumber(Worker, "missing")));
        await Assert.ThrowsAsync<TotaraException>(() => jobs.GetAsync(JobAssignmentReference.ForUser(Worker)));
    }

    [Fact]
    public async Task Finding_by_a_key_no_query_takes_reads_the_list_and_stops_after_the_matches_asked_for()
    {
        await using var site = await SiteAsync();
        var jobs = site.Client.JobAssignments;
        await jobs.RunAsync(Enumerable.Range(1, 6).Select(i => jobs.Create(i % 2 == 0 ? Boss : Worker, i <= 2 ? "shared" : "J" + i)).ToList()).ToListAsync();

        var shared = await jobs.FindAsync(j => j.IdNumber == "shared").ToListAsync();
        var first = await jobs.FindAsync(j => j.IdNumber.StartsWith("J", StringComparison.Ordinal), stopAfter: 1).ToListAsync();

        Assert.Equal(2, shared.Count);
        Assert.Equal(new[] { "J3" }, first.Select(j => j.IdNumber));
    }

    [Fact]
    public async Task A_users_assignments_are_read_by_the_first_reference_that_names_a_user()
    {
        await using var site = await SiteAsync();
        var jobs = site.Client.JobAssignments;
        await jobs.RunAsync(new[] { jobs.Create(Worker, "W1"), jobs.Create(Boss, "B1") }).ToListAsync();

        var found = await jobs.ForFirstUserAsync(new[] { UserReference.ByUsername("nobody"), Worker, Boss });
        var none = await jobs.ForFirstUserAsync(new[] { UserReference.ByUsername("nobody"), UserReference.ByIdNumber("nobody") });

        Assert.Equal(new[] { "W1" }, found!.Select(j => j.IdNumber));
        Assert.Null(none);
    }

    [Fact]
    public async Task An_idnumber_alone_is_read_from_the_list_and_refused_when_two_users_share_it()
    {
        await using var site = await SiteAsync();
        var jobs = site.Client.JobAssignments;
        await jobs.RunAsync(new[] { jobs.Create(Worker, "shared"), jobs.Create(Boss, "shared"), jobs.Create(Boss, "only") }).ToListAsync();

        Assert.Equal("boss", (await jobs.GetAsync(JobAssignmentReference.ByIdNumber("only")))!.User.Username);
        var ambiguous = await Assert.ThrowsAsync<TotaraException>(() => jobs.GetAsync(JobAssignmentReference.ByIdNumber("shared")));
        Assert.Contains("more than one", ambiguous.Message);
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_is_found_by_user_and_idnumber_and_not_sent_again()
    {
        await using var site = await SiteAsync();
        var jobs = site.Client.JobAssignments;
        site.Host.Switches.EnqueueFaults(FaultKind.DropAfterExecute);

        var results = await jobs.RunAsync(new[] { jobs.Create(Worker, "W1"), jobs.Create(Boss, "B1") }).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Explanation));
        Assert.Equal(new[] { "W1", "B1" }, results.Select(r => r.JobAssignment!.IdNumber));
        Assert.Equal(2, site.Host.Counters.MutationsExecuted);
        Assert.Equal(1, site.Host.Counters.ConnectionsDropped);
        Assert.Equal(2, site.Host.State.Jobs.Count);
    }

    [Fact]
    public async Task A_create_that_never_ran_is_sent_again()
    {
        await using var site = await SiteAsync();
        var jobs = site.Client.JobAssignments;
        site.Host.Switches.EnqueueFaults(FaultKind.DropBeforeExecute);

        var result = await RunOneAsync(site, jobs.Create(Worker, "W1"));

        Assert.Equal("W1", result.JobAssignment!.IdNumber);
        Assert.Equal(1, site.Host.State.Jobs.Count);
    }

    [Fact]
    public async Task An_update_sends_only_the_fields_given_and_a_lost_rename_is_found_under_its_new_idnumber()
    {
        await using var site = await SiteAsync();
        var jobs = site.Client.JobAssignments;
        await RunOneAsync(site, jobs.Create(Worker, "W1", new JobAssignmentChange().SetFullName("Analyst").SetPosition("POS1")));
        site.Host.Switches.EnqueueFaults(FaultKind.DropAfterExecute);

        var renamed = await RunOneAsync(site, jobs.Update(JobAssignmentReference.ByIdNumber(Worker, "W1"), new JobAssignmentChange().SetIdNumber("W2").SetFullName("Lead")));

        Assert.Equal(("W2", "Lead", "POS1"), (renamed.JobAssignment!.IdNumber, renamed.JobAssignment.FullName, renamed.JobAssignment.PositionIdNumber));
        Assert.Equal(2, site.Host.Counters.MutationsExecuted);
        Assert.Null(await jobs.GetAsync(JobAssignmentReference.ByIdNumber(Worker, "W1")));
    }

    [Fact]
    public async Task A_delete_whose_answer_is_lost_is_settled_by_finding_the_assignment_gone()
    {
        await using var site = await SiteAsync();
        var jobs = site.Client.JobAssignments;
        var created = await RunOneAsync(site, jobs.Create(Worker, "W1"));
        site.Host.Switches.EnqueueFaults(FaultKind.DropAfterExecute);

        var deleted = await RunOneAsync(site, jobs.Delete(JobAssignmentReference.ByIdNumber(Worker, "W1")));
        var plain = await RunOneAsync(site, jobs.Delete(JobAssignmentReference.ById((await RunOneAsync(site, jobs.Create(Boss, "B1"))).JobAssignment!.Id)));

        Assert.Equal(JobAssignmentOperationKind.Delete, deleted.Kind);
        Assert.Equal(0, site.Host.State.Jobs.Count);
        Assert.NotEqual(created.JobAssignment!.Id, plain.DeletedId);
        Assert.NotNull(plain.DeletedId);
    }

    [Fact]
    public async Task A_record_naming_an_unknown_position_fails_alone_and_the_others_are_applied()
    {
        await using var site = await SiteAsync();
        var jobs = site.Client.JobAssignments;

        var results = await jobs.RunAsync(new[]
        {
            jobs.Create(Worker, "W1", tag: 1),
            jobs.Create(Worker, "W2", new JobAssignmentChange().SetPosition("NOPE"), tag: 2),
            jobs.Create(Boss, "B1", tag: 3),
        }).ToListAsync();

        Assert.Equal(new object?[] { 1, 2, 3 }, results.Select(r => r.Tag));
        Assert.True(results[0].Succeeded && results[2].Succeeded);
        Assert.Contains("Position reference not found", results[1].Error!.Explanation);
        Assert.Equal("position", results[1].ErrorField); // classified in the client: the cmdlet matches no Totara text
        Assert.Equal(JobAssignmentReference.ByIdNumber(Worker, "W2"), results[1].Target);
        Assert.Equal(2, site.Host.State.Jobs.Count);
    }

    [Fact]
    public async Task First_assignments_are_read_batched_with_none_for_a_user_without_and_nothing_for_an_unknown_user()
    {
        await using var site = await SiteAsync();
        var jobs = site.Client.JobAssignments;
        await jobs.RunAsync(new[] { jobs.Create(Boss, "B-FIRST"), jobs.Create(Boss, "B-SECOND") }).ToListAsync();
        var before = site.Host.Counters.Requests;

        var first = await jobs.FirstAssignmentsAsync(new[] { Boss, Worker, UserReference.ByUsername("nobody"), Boss });

        // One batched request; the unknown user's error nulls the whole answer (a non-null root field), so the
        // others are asked again once. Never one request per user.
        Assert.Equal(2, site.Host.Counters.Requests - before);
        Assert.Equal(JobAssignmentReference.ByIdNumber(Boss, "B-FIRST"), first[Boss]);
        Assert.Null(first[Worker]);
        Assert.False(first.ContainsKey(UserReference.ByUsername("nobody")));
        var all = await jobs.IdNumbersAsync(new[] { Boss, Worker });
        Assert.Equal(new[] { "B-FIRST", "B-SECOND" }, all[Boss]);
        Assert.Empty(all[Worker]);
    }

    [Fact]
    public async Task Assignments_whose_answer_a_later_failure_nulled_are_read_back_in_one_request()
    {
        await using var site = await SiteAsync();
        var jobs = site.Client.JobAssignments;
        var kept = (await RunOneAsync(site, jobs.Create(Boss, "B-keep"))).JobAssignment!;
        await RunOneAsync(site, jobs.Create(Boss, "B-gone"));
        var operations = new List<BatchOperation>
        {
            jobs.Update(JobAssignmentReference.ByIdNumber(Boss, "B-keep"), new JobAssignmentChange().SetFullName("Chief").SetIdNumber("B-chief")),
            jobs.Delete(JobAssignmentReference.ByIdNumber(Boss, "B-gone")),
        };
        for (var i = 0; i < 8; i++)
            operations.Add(jobs.Create(i % 2 == 0 ? Worker : UserReference.ByUsername("intern"), "J" + i,
                new JobAssignmentChange().SetFullName("Job " + i).SetPosition("POS1")));
        operations.Add(jobs.Create(Worker, "J-bad", new JobAssignmentChange().SetPosition("NO-SUCH-POSITION")));
        var requestsBefore = site.Host.Counters.Requests;

        var results = await jobs.RunAsync(operations).ToListAsync();

        // The batch, then one query reading back every user's assignments; the delete needs none.
        Assert.Equal(2, site.Host.Counters.Requests - requestsBefore);
        Assert.All(results.Take(10), r => Assert.True(r.Succeeded, r.ToString()));
        Assert.False(results[10].Succeeded);
        var updated = results[0].JobAssignment!;
        Assert.Equal((kept.Id, "B-chief", "Chief", "boss"), (updated.Id, updated.IdNumber, updated.FullName, updated.User.Username));
        Assert.Equal(JobAssignmentOperationKind.Delete, results[1].Kind);
        for (var i = 0; i < 8; i++)
        {
            var job = results[2 + i].JobAssignment!;
            Assert.Equal(("J" + i, "Job " + i, i % 2 == 0 ? "worker" : "intern", "POS1"), (job.IdNumber, job.FullName, job.User.Username, job.PositionIdNumber));
        }
        Assert.Equal(9, site.Host.State.Jobs.Count);
    }
}

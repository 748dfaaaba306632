using Totara.Client.Cohorts;
using static Totara.Sync.Tests.Support.Rows;

namespace Totara.Sync.Tests.Planning;

/// <summary>CohortMode Exact: what a partial source, an empty Audiences cell and the removal guard do to memberships.</summary>
public sealed class ExactModeTests
{
    private static readonly Uri SiteUrl = new("https://learn.example.com/");
    private static readonly CohortIndex Cohorts = new(new[]
    {
        new CohortData { Id = 1, Name = "Sales", IdNumber = "SALES" }, new CohortData { Id = 2, Name = "All staff", IdNumber = "STAFF" },
    });

    /// <summary>40 site users E1..E40, each added to Sales and All staff by an earlier sync.</summary>
    private static (List<SiteUser> Site, SyncState State) EarlierSync()
    {
        var site = Enumerable.Range(1, 40).Select(i => Site(100 + i, "E" + i)).ToList();
        var state = new SyncState(SiteUrl, site.SelectMany(u => new[] { new Membership(1, u.Id), new Membership(2, u.Id) }));
        return (site, state);
    }

    private static SourceUser Member(string idNumber, params string[] audiences)
    {
        var row = Row(idNumber);
        row.Audiences = audiences;
        return row;
    }

    private static SyncPlan PlanExact(IReadOnlyList<SourceUser> rows, List<SiteUser> site, SyncState state, SyncOptions options)
    {
        options.CohortMode = CohortMode.Exact;
        options.StatePath ??= "state.json";
        return SyncPlanner.Plan(SourceValidator.Validate(rows, options), site, options, Cohorts, state);
    }

    [Fact]
    public void A_partial_source_never_removes_the_memberships_of_users_it_lacks()
    {
        var (site, state) = EarlierSync();
        var rows = Enumerable.Range(1, 10).Select(i => Member("E" + i, "SALES", "STAFF")).ToList();

        var plan = PlanExact(rows, site, state, new SyncOptions());

        Assert.DoesNotContain(plan.Changes, c => c.Action == SyncAction.RemoveMember);
        Assert.Equal(0, plan.MembershipRemovals);
    }

    [Fact]
    public void A_complete_source_removes_the_memberships_of_users_it_lacks()
    {
        var (site, state) = EarlierSync();
        var rows = Enumerable.Range(1, 39).Select(i => Member("E" + i, "SALES", "STAFF")).ToList();

        var plan = PlanExact(rows, site, state, new SyncOptions { SourceIsComplete = true, MissingUserAction = MissingUserAction.Keep });

        // (The adds of E1..E39 are candidates the site is asked about; they are members already.)
        var removals = plan.Changes.Where(c => c.Action == SyncAction.RemoveMember).ToList();
        Assert.Equal(new[] { ("E40", 1L), ("E40", 2L) }, removals.Select(c => (c.Key, c.CohortId!.Value)).Order());
        Assert.All(removals, c => Assert.Contains("not in the source (SourceIsComplete)", c.Reason));
    }

    [Fact]
    public void An_empty_Audiences_cell_changes_nothing_under_Keep_and_means_none_under_Erase()
    {
        var (site, state) = EarlierSync();
        var rows = new[] { Member("E1") };   // the cell was empty: the reader gives no audiences

        Assert.Empty(PlanExact(rows, site, state, new SyncOptions()).Changes);

        var erase = PlanExact(rows, site, state, new SyncOptions { EmptyFieldAction = EmptyFieldAction.Erase });
        Assert.Equal(new[] { (SyncAction.RemoveMember, 1L), (SyncAction.RemoveMember, 2L) }, erase.Changes.Select(c => (c.Action, c.CohortId!.Value)).Order());
    }

    [Fact]
    public void Membership_removals_count_toward_MaxRemovals_on_their_own_and_the_message_and_summary_show_them()
    {
        var (site, state) = EarlierSync();
        // E1..E3 leave Sales: three membership removals, no user removal; 5% of 40 users allows 2.
        var rows = Enumerable.Range(1, 40).Select(i => i <= 3 ? Member("E" + i, "STAFF") : Member("E" + i, "SALES", "STAFF")).ToList();

        var plan = PlanExact(rows, site, state, new SyncOptions { SourceIsComplete = true });

        Assert.Equal((0, 3, 2), (plan.Removals, plan.MembershipRemovals, plan.AllowedRemovals));
        var stopped = Assert.Throws<SyncGuardException>(() => RemovalGuard.Check(plan));
        Assert.Equal((0, 3, 2), (stopped.Removals, stopped.MembershipRemovals, stopped.Allowed));
        Assert.Contains("remove 0 user(s) (0 suspended, 0 deleted) and 3 audience membership(s)", stopped.Message);
        Assert.Contains("allows 2 of each", stopped.Message);
        Assert.Contains("the audience memberships removed are more", stopped.Message);

        var summary = new SyncSummary(plan, Array.Empty<SyncProblem>(), TimeSpan.Zero, whatIf: true, stopped: false);
        Assert.Equal((0, 3, 2, true), (summary.PlannedUserRemovals, summary.PlannedMembershipRemovals, summary.AllowedRemovals, summary.RemovalLimitExceeded));
        Assert.Equal(3, summary.ByAction[SyncAction.RemoveMember]);
    }

    [Fact]
    public void Users_and_memberships_are_judged_apart_not_added_up()
    {
        var (site, state) = EarlierSync();
        // E40 leaves a complete source (1 suspension, 2 membership removals): each is within 2 of 40.
        var rows = Enumerable.Range(1, 39).Select(i => Member("E" + i, "SALES", "STAFF")).ToList();

        var plan = PlanExact(rows, site, state, new SyncOptions { SourceIsComplete = true });

        Assert.Equal((1, 2), (plan.Removals, plan.MembershipRemovals));
        RemovalGuard.Check(plan);
    }
}

using Totara.Client.JobAssignments;
using Totara.Client.Tests.Support;
using Totara.Client.Users;
using Totara.Emulator;
using UserRecord = Totara.Emulator.Domain.UserRecord;

namespace Totara.Client.Tests.Site;

/// <summary>
/// One session, several API clients of one site: requests are spread over the clients, each paced
/// on its own budget and all of them on the site's; results, order and recovery are as with one.
/// Client and emulator share a virtual clock, so the paced minutes take no real time.
/// </summary>
public sealed class SeveralClientsTests
{
    private const string First = TestSite.ClientId;
    private const string Second = TestSite.ClientId + "-2";
    private const string Third = TestSite.ClientId + "-3";

    [Fact]
    public async Task Batches_are_spread_over_the_clients_and_results_stay_in_input_order()
    {
        await using var site = await TestSite.StartAsync(o => o.RateLimitPerMinute = 3_000, c => c.ComplexityBudgetPerMinute = 3_000, virtualClock: true);
        var client = site.NewSpreadClient(1, c => c.ComplexityBudgetPerMinute = 3_000);

        var results = await client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "spread", 600, recoverable: false)).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 600), results.Select(r => r.Index));
        Assert.Equal(Enumerable.Range(0, 600).Select(i => $"spread_{i}"), results.Select(r => r.Data!.Value.GetProperty("user").GetProperty("username").GetString()));
        Assert.Equal(600, Documents.CountUsers(site.Host, "spread"));
        Assert.Equal(0, site.Host.Counters.TooManyRequestsSent);
        Assert.Empty(site.Retries);
        // Each client carried a fair part: neither under a third of the points.
        var total = site.Host.Counters.PointsSpent;
        foreach (var id in new[] { First, Second })
            Assert.True(PointsOf(site, id) > total / 3, $"{id} spent {PointsOf(site, id)} of {total}");
        Assert.Equal(new[] { First, Second }, client.ClientIds);
    }

    [Fact]
    public async Task Each_client_is_paced_on_its_own_budget_so_two_take_less_time_than_one()
    {
        // ~7,800 points: over two windows of one client's 3,000, about one of two clients' 6,000.
        TimeSpan oneWaited, twoWaited;
        await using (var one = await TestSite.StartAsync(o => { o.RateLimitPerMinute = 3_000; o.SiteRateLimitPerMinute = null; }, c => c.ComplexityBudgetPerMinute = 3_000, virtualClock: true))
        {
            await one.Client.ExecuteBatchAsync(Documents.CreateUsers(one.Host, "one", 600, recoverable: false)).ToListAsync();
            oneWaited = one.Clock!.Waited;
            Assert.Equal(0, one.Host.Counters.TooManyRequestsSent);
        }

        await using var two = await TestSite.StartAsync(o => { o.RateLimitPerMinute = 3_000; o.SiteRateLimitPerMinute = null; }, virtualClock: true);
        var client = two.NewSpreadClient(1, c => { c.ComplexityBudgetPerMinute = 3_000; c.SiteComplexityBudgetPerMinute = 1_000_000; });
        var results = await client.ExecuteBatchAsync(Documents.CreateUsers(two.Host, "two", 600, recoverable: false)).ToListAsync();
        twoWaited = two.Clock!.Waited;

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(0, two.Host.Counters.TooManyRequestsSent);
        Assert.Empty(two.Retries);
        foreach (var id in new[] { First, Second })
            Assert.All(two.Host.RateWindows(id), w => Assert.True(w.PeakRate <= 3_000, $"{id}: a window reached {w.PeakRate}"));
        Assert.True(twoWaited < oneWaited * 0.75, $"two clients waited {twoWaited}, one {oneWaited}");
    }

    [Fact]
    public async Task All_clients_together_stay_under_the_sites_budget()
    {
        // Three clients of 3,000 each could spend 9,000 a minute; the site allows 4,000.
        await using var site = await TestSite.StartAsync(o => { o.RateLimitPerMinute = 3_000; o.SiteRateLimitPerMinute = 4_000; }, virtualClock: true);
        var client = site.NewSpreadClient(2, c => { c.ComplexityBudgetPerMinute = 3_000; c.SiteComplexityBudgetPerMinute = 4_000; });

        var results = await client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "capped", 600, recoverable: false)).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(0, site.Host.Counters.TooManyRequestsSent);
        Assert.Empty(site.Retries);
        var windows = site.Host.RateWindows();
        Assert.True(windows.Count >= 2, "the run needed more than one of the site's windows");
        Assert.All(windows, w => Assert.True(w.PeakRate <= 4_000 && w.Points <= 4_000, $"a site window reached {w.PeakRate} ({w.Points} points)"));
        foreach (var id in new[] { First, Second, Third })
            Assert.True(PointsOf(site, id) > 0, $"{id} was never used");
    }

    [Fact]
    public async Task The_first_request_after_an_idle_hour_draws_no_429_from_the_site_or_any_client()
    {
        await using var site = await TestSite.StartAsync(o => { o.RateLimitPerMinute = 3_000; o.SiteRateLimitPerMinute = 4_000; o.TokenLifetime = TimeSpan.FromHours(3); }, virtualClock: true);
        var client = site.NewSpreadClient(1, c => { c.ComplexityBudgetPerMinute = 3_000; c.SiteComplexityBudgetPerMinute = 4_000; });
        await client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "before", 300, recoverable: false)).ToListAsync();
        site.Clock!.Advance(TimeSpan.FromHours(1));

        var results = await client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "after", 300, recoverable: false)).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(0, site.Host.Counters.TooManyRequestsSent);
        Assert.Empty(site.Retries);
    }

    [Fact]
    public async Task Tokens_are_renewed_per_client_once_each_when_the_site_expires_them()
    {
        // Small requests, so both clients carry some of each run.
        await using var site = await TestSite.StartAsync(o => o.MaxComplexity = 600);
        var client = site.NewSpreadClient(1, c => c.MaxComplexity = 600);
        await client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "early", 200, recoverable: false)).ToListAsync();
        Assert.Equal((1, 1), (site.Host.TokensIssuedTo(First), site.Host.TokensIssuedTo(Second)));

        site.Host.Switches.ExpireAllTokens();
        var results = await client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "late", 200, recoverable: false)).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal((2, 2), (site.Host.TokensIssuedTo(First), site.Host.TokensIssuedTo(Second)));
    }

    [Fact]
    public async Task Sign_in_checks_every_client_and_names_the_refused_one_without_its_secret()
    {
        await using var site = await TestSite.StartAsync();
        site.Host.AddClient(Second, "the-right-secret");
        var client = site.NewClient(credential: null);
        var spread = new TotaraClient(new TotaraClientOptions(site.Host.Url, new[]
        {
            TotaraCredential.FromClientCredentials(First, TestSite.Secret),
            TotaraCredential.FromClientCredentials(Second, "Wr0ng-S3cret-71d2"),
        }));

        var refused = await Assert.ThrowsAsync<TotaraAuthenticationException>(() => spread.SignInAsync());
        // Requests take turns over the clients: within two, one goes to the refused client.
        var inRun = await Assert.ThrowsAsync<TotaraAuthenticationException>(async () =>
        {
            for (var i = 0; i < 2; i++) await spread.ExecuteAsync(Documents.StatusRequest());
        });

        Assert.Contains(Second, refused.Message);
        Assert.Contains(Second, inRun.Message);
        Assert.DoesNotContain("Wr0ng-S3cret-71d2", inRun.ToString());
        Assert.DoesNotContain("Wr0ng-S3cret-71d2", refused.ToString());
        Assert.DoesNotContain(TestSite.Secret, refused.ToString());
        Assert.DoesNotContain("S3cret", spread.ToString());
        Assert.Contains(Second, spread.ToString());
        spread.Dispose();
        await client.SignInAsync();
    }

    [Fact]
    public void Several_credentials_must_be_distinct_client_credentials()
    {
        var site = new Uri("https://learn.example.com");
        var a = TotaraCredential.FromClientCredentials("a", "s");

        Assert.Throws<ArgumentException>(() => new TotaraClientOptions(site, new[] { a, TotaraCredential.FromClientCredentials("a", "t") }));
        Assert.Throws<ArgumentException>(() => new TotaraClientOptions(site, new[] { a, TotaraCredential.FromAccessToken("token") }));
        Assert.Throws<ArgumentException>(() => new TotaraClientOptions(site, Array.Empty<TotaraCredential>()));
        Assert.Single(new TotaraClientOptions(site, a).Credentials);
    }

    [Fact]
    public async Task Under_random_faults_with_three_clients_every_user_is_created_exactly_once_in_input_order()
    {
        await using var site = await TestSite.StartAsync(
            o => { o.FaultRate = 0.15; o.DropRate = 0.25; o.MaxComplexity = 300; },
            c => { c.MaxComplexity = 300; c.MaxRetryAttempts = 20; });
        var client = site.NewSpreadClient(2, c => { c.MaxComplexity = 300; c.MaxRetryAttempts = 20; });

        var runs = await Task.WhenAll(
            client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "chaos_a", 120)).ToListAsync(),
            client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "chaos_b", 120)).ToListAsync());

        foreach (var (run, prefix) in runs.Zip(new[] { "chaos_a", "chaos_b" }))
        {
            Assert.All(run, r => Assert.True(r.Succeeded, r.ToString()));
            Assert.Equal(Enumerable.Range(0, 120).Select(i => $"{prefix}_{i}"), run.Select(r => r.Data!.Value.GetProperty("user").GetProperty("username").GetString()));
            Assert.Equal(120, Documents.CountUsers(site.Host, prefix));
        }
        Assert.True(site.Host.Counters.ConnectionsDropped > 0 && site.Host.Counters.ServerErrorsSent > 0, "the faults did happen");
        foreach (var id in new[] { First, Second, Third })
            Assert.True(PointsOf(site, id) > 0, $"{id} was never used");
    }

    [Fact]
    public async Task A_429_in_the_middle_of_a_batch_on_one_of_several_clients_resends_only_what_did_not_run()
    {
        await using var site = await TestSite.StartAsync();
        var client = site.NewSpreadClient(1);
        site.Host.Switches.EnqueueFaults(FaultKind.TooManyRequestsMidRequest);

        var results = await client.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "cut", 10)).ToListAsync();

        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(1, site.Host.Counters.TooManyRequestsSent);
        Assert.Equal(10, site.Host.Counters.MutationsExecuted);
        Assert.Equal(10, Documents.CountUsers(site.Host, "cut"));
    }

    [Fact]
    public async Task Manager_first_job_assignments_over_several_clients_under_faults_all_find_their_manager()
    {
        await using var site = await TestSite.StartAsync(
            o => { o.FaultRate = 0.1; o.DropRate = 0.2; o.MaxComplexity = 400; },
            c => { c.MaxComplexity = 400; c.MaxRetryAttempts = 20; });
        var state = site.Host.State;
        const int people = 40;
        for (var i = 0; i < people; i++)
            state.Users.Add(new UserRecord { Id = state.Users.NextId(), Username = $"p{i}", Email = $"p{i}@example.org", FirstName = "P", LastName = $"{i}", IdNumber = $"E{i}" });
        var client = site.NewSpreadClient(1, c => { c.MaxComplexity = 400; c.MaxRetryAttempts = 20; });
        var jobs = client.JobAssignments;

        // A chain p0 ← p1 ← … ← p39, given in reverse (each names the one before as manager).
        var rows = Enumerable.Range(0, people).Reverse().ToList();
        var ordered = ManagerOrdering.Order(rows,
            i => new JobAssignmentKey($"E{i}", $"J{i}"),
            i => i == 0 ? Array.Empty<JobAssignmentKey>() : new[] { new JobAssignmentKey($"E{i - 1}", $"J{i - 1}") });
        var operations = ordered.Ordered.Select(i => jobs.Create(UserReference.ByIdNumber($"E{i}"), $"J{i}",
            i == 0 ? null : new JobAssignmentChange().SetManager(JobAssignmentReference.ByIdNumber(UserReference.ByIdNumber($"E{i - 1}"), $"J{i - 1}")), tag: i)).ToList();

        var results = await jobs.RunAsync(operations).ToListAsync();

        Assert.Equal(ordered.Ordered, results.Select(r => (int)r.Tag!));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Explanation));
        for (var i = 1; i < people; i++)
        {
            var job = await jobs.GetAsync(JobAssignmentReference.ByIdNumber(UserReference.ByIdNumber($"E{i}"), $"J{i}"));
            Assert.Equal($"J{i - 1}", job!.ManagerJobAssignmentIdNumber);
        }
        Assert.Equal(people, state.Jobs.Count);
        Assert.True(PointsOf(site, First) > 0 && PointsOf(site, Second) > 0, "both clients were used");
    }

    private static long PointsOf(TestSite site, string clientId) => site.Host.RateWindows(clientId).Sum(w => w.Points);
}

using System.Diagnostics;
using Xunit.Abstractions;

namespace Totara.Sync.Tests.Planning;

/// <summary>Planning is hash joins: 100,000 rows against 100,000 site users in one pass (the time is reported, not asserted).</summary>
public sealed class ScaleTests
{
    private readonly ITestOutputHelper _output;

    public ScaleTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Plans_one_hundred_thousand_rows_against_one_hundred_thousand_users()
    {
        const int n = 100_000;
        var site = new List<SiteUser>(n);
        var rows = new List<SourceUser>(n);
        for (var i = 0; i < n; i++)
        {
            var id = "E" + i.ToString("000000");
            site.Add(new SiteUser(i + 10).Set("idnumber", id).Set("username", "u" + i).Set("email", $"u{i}@example.com")
                .Set("firstname", "F").Set("lastname", "L").Set("department", "D" + (i % 50)));
            // Every 10th row changes its department; the last 1,000 site users are missing from the source.
            if (i >= n - 1000) continue;
            rows.Add(new SourceUser(i + 1).Set("idnumber", id).Set("username", "u" + i).Set("email", $"u{i}@example.com")
                .Set("firstname", "F").Set("lastname", "L").Set("department", i % 10 == 0 ? "New" : "D" + (i % 50)));
        }
        for (var i = 0; i < 1000; i++)
            rows.Add(new SourceUser(n + i).Set("idnumber", "N" + i).Set("username", "n" + i).Set("email", $"n{i}@example.com").Set("firstname", "F").Set("lastname", "L"));

        var options = new SyncOptions { SourceIsComplete = true };
        var clock = Stopwatch.StartNew();
        var validation = SourceValidator.Validate(rows, options);
        var plan = SyncPlanner.Plan(validation, site, options);
        clock.Stop();
        _output.WriteLine($"validate + plan {rows.Count:N0} rows against {site.Count:N0} users: {clock.ElapsedMilliseconds} ms");

        Assert.Empty(validation.Problems);
        Assert.Equal(1000, plan.Count(SyncAction.Create));
        Assert.Equal(9900, plan.Count(SyncAction.Update));
        Assert.Equal(1000, plan.Count(SyncAction.Suspend));
        Assert.Equal(n - 1000 - 9900, plan.Unchanged);
    }
}

using Totara.Client.Users;
using Totara.Sync.Tests.Support;

namespace Totara.Sync.Tests.Delta;

/// <summary>
/// A delta run must reach the end state a full run reaches, for every change the source or the
/// site's timemodified reveals. Two emulators get the same seeded random source edits and the
/// same site-side edits (field changes, suspensions, users made by hand, a changed idnumber) over
/// many runs; one syncs with delta runs, the other with -Full; their stores must stay equal.
/// </summary>
public sealed class DeltaEquivalenceTests : IDisposable
{
    private static readonly string[] Audiences = { "North", "South", "East" };
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "delta-equivalence-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(1501, 24, 0.0)]
    [InlineData(2718, 24, 0.0)]
    [InlineData(3141, 16, 0.1)]
    public async Task Delta_runs_reach_the_same_store_as_full_runs_under_random_source_and_site_edits(int seed, int runs, double dropRate)
    {
        var random = new Random(seed);
        var clock = new ManualClock();
        await using var delta = await SyncSite.StartAsync(clock, Path.Combine(_folder, "delta"), Audiences);
        await using var full = await SyncSite.StartAsync(clock, Path.Combine(_folder, "full"), Audiences);
        var people = Enumerable.Range(1, 30).Select(n => Person.New(n, random)).ToList();
        var kinds = new List<SyncRunKind>();

        for (var run = 0; run <= runs; run++)
        {
            if (run > 0)
            {
                EditSource(people, random);
                await EditSiteAsync(delta, full, people, random);
            }
            clock.Advance(TimeSpan.FromMinutes(30 + random.Next(120)));
            SyncPlan deltaPlan;
            if (dropRate > 0 && run > 0)
            {
                // Answers lost on the way back: what did not settle is unconfirmed, and the next delta run reads it again.
                delta.Host.Switches.DropRate = dropRate;
                kinds.Add((await delta.SyncAsync(Rows(people), Options(delta, forceFull: false, clock))).Run.Kind);
                delta.Host.Switches.DropRate = 0;
                clock.Advance(TimeSpan.FromMinutes(10));
            }
            deltaPlan = await delta.SyncAsync(Rows(people), Options(delta, forceFull: false, clock));
            var fullPlan = await full.SyncAsync(Rows(people), Options(full, forceFull: true, clock));
            kinds.Add(deltaPlan.Run.Kind);
            Assert.Equal(SyncRunKind.Full, fullPlan.Run.Kind);

            var expected = full.Content();
            var actual = delta.Content();
            Assert.True(expected.SequenceEqual(actual),
                $"seed {seed}, run {run} ({deltaPlan.Run}): only in the full site: {string.Join("; ", expected.Except(actual))}; only in the delta site: {string.Join("; ", actual.Except(expected))}");
        }

        Assert.Equal(SyncRunKind.Full, kinds[0]);
        Assert.All(kinds.Skip(1), k => Assert.Equal(SyncRunKind.Delta, k));
        // Same end state for fewer points: the delta side read only what changed (with faults it also runs twice a step).
        if (dropRate == 0)
            Assert.True(delta.Sync.ComplexityPointsSpent < full.Sync.ComplexityPointsSpent * 0.8,
                $"delta {delta.Sync.ComplexityPointsSpent} points, full {full.Sync.ComplexityPointsSpent}");
    }

    private static SyncOptions Options(SyncSite site, bool forceFull, TimeProvider clock) => new()
    {
        SourceIsComplete = true, CohortMode = CohortMode.Exact, StatePath = site.StatePath, MaxRemovals = RemovalLimit.Count(1000),
        Full = forceFull, Clock = clock, ServiceAccount = "svc_sync",
    };

    private static List<SourceUser> Rows(List<Person> people) =>
        people.Where(p => p.InSource).Select((p, i) => p.Row(i + 1, people)).ToList();

    private static void EditSource(List<Person> people, Random random)
    {
        for (var edits = 1 + random.Next(4); edits > 0; edits--)
        {
            var person = people[random.Next(people.Count)];
            switch (random.Next(9))
            {
                case 0: person.Department = "Dept" + random.Next(5); break;
                case 1: person.LastName = "Last" + random.Next(1000); break;
                case 2: person.Email = $"{person.Username}.{random.Next(1000)}@example.com"; break;
                case 3: people.Add(Person.New(people.Count + 1, random)); break;
                case 4: person.InSource = false; break;
                case 5: person.InSource = true; break;
                case 6: person.Audience = random.Next(4) == 0 ? null : Audiences[random.Next(Audiences.Length)]; break;
                case 7: person.JobName = "Job " + random.Next(100); break;
                case 8: person.Manager = person.Number > 1 ? random.Next(1, person.Number) : null; break;
            }
        }
    }

    /// <summary>Edits that move a user's timemodified on Totara, the same on both sites.</summary>
    private static async Task EditSiteAsync(SyncSite delta, SyncSite full, List<Person> people, Random random)
    {
        var onSite = delta.Host.State.Users.Snapshot().Where(u => !u.Deleted && u.Username.StartsWith("e", StringComparison.Ordinal)).Select(u => u.Username).ToList();
        for (var edits = random.Next(3); edits > 0 && onSite.Count > 0; edits--)
        {
            var username = onSite[random.Next(onSite.Count)];
            var value = "Site" + random.Next(1000);
            var kind = random.Next(6);
            if (kind == 4 && delta.Host.State.Users.FindByIdNumber($"E{people.Count + 1:000}").Count > 0) continue;
            foreach (var site in new[] { delta, full })
            {
                switch (kind)
                {
                    case 0: await site.EditAsync(username, (u, r) => u.Update(r, new UserChange().Set("department", value))); break;
                    case 1: await site.EditAsync(username, (u, r) => u.SetSuspended(r, true)); break;
                    case 2: await site.EditAsync(username, (u, r) => u.SetSuspended(r, false)); break;
                    case 3: await site.EditAsync(username, (u, r) => u.Update(r, new UserChange().Set("lastname", value))); break;
                    // A user made by hand with the idnumber of someone the source will add later.
                    case 4: await site.CreateByHandAsync($"E{people.Count + 1:000}", "hand" + value.ToLowerInvariant()); break;
                    case 5: await site.EditAsync(username, (u, r) => u.Update(r, new UserChange().Set("idnumber", "Z" + value))); break;
                }
            }
        }
    }

    private sealed class Person
    {
        public int Number { get; private init; }
        public string IdNumber => $"E{Number:000}";
        public string Username => "e" + Number;
        public string Email { get; set; } = "";
        public string LastName { get; set; } = "";
        public string Department { get; set; } = "";
        public string? Audience { get; set; }
        public string JobName { get; set; } = "";
        public int? Manager { get; set; }
        public bool InSource { get; set; } = true;

        public static Person New(int number, Random random) => new()
        {
            Number = number, Email = $"e{number}@example.com", LastName = "Last" + random.Next(1000), Department = "Dept" + random.Next(5),
            Audience = Audiences[random.Next(Audiences.Length)], JobName = "Job " + random.Next(100),
            Manager = number > 1 && random.Next(3) > 0 ? random.Next(1, number) : null,
        };

        public SourceUser Row(int rowNumber, List<Person> people)
        {
            var row = new SourceUser(rowNumber);
            row.Set("idnumber", IdNumber).Set("username", Username).Set("email", Email).Set("firstname", "First" + Number)
                .Set("lastname", LastName).Set("department", Department);
            row.Audiences = Audience is null ? Array.Empty<string>() : new[] { Audience };
            // A manager named by idnumber; once created they stay on the site (suspended when they leave the source).
            var manager = Manager is int m ? people[m - 1] : null;
            row.Job = new SourceJob { IdNumber = "J" + Number, FullName = JobName, ManagerIdNumber = manager?.IdNumber ?? "" };
            return row;
        }
    }
}

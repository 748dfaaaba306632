using System.Management.Automation;
using Totara.Benchmarks.Hosting;
using Totara.Emulator.Domain;
using Totara.Emulator.Domain.Jobs;

namespace Totara.Benchmarks.Scenarios;

/// <summary>
/// Scenario 11's site and source: N users already on the site as the HR export describes them,
/// each with a job assignment (position, organisation, manager) and one audience, last modified a
/// month ago. So the first sync (a full run) reads everything and changes nothing, as when a
/// state file is first given to a sync that has run for a while.
/// </summary>
internal sealed class DeltaSyncSource
{
    public const string Prefix = "dlt";
    private const int Positions = 10, Organisations = 5, Audiences = 5;
    private static readonly long StartDate = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    private readonly int _count;

    public DeltaSyncSource(int count) => _count = count;

    public void SeedSite(BenchSite site)
    {
        var state = site.Host.State;
        var positions = state.Positions.AddFramework("Positions", "PF");
        var positionIds = Enumerable.Range(0, Positions).Select(p => state.Positions.AddItem(positions, $"Position {p}", $"POS-{p}").Id).ToArray();
        var organisations = state.Organisations.AddFramework("Organisations", "OF");
        var organisationIds = Enumerable.Range(0, Organisations).Select(o => state.Organisations.AddItem(organisations, $"Organisation {o}", $"ORG-{o}").Id).ToArray();
        var audienceIds = Enumerable.Range(0, Audiences).Select(a => state.Cohorts.Add($"Audience {a}", $"AUD-{a}").Id).ToArray();

        long monthAgo = DateTimeOffset.UtcNow.AddDays(-30).ToUnixTimeSeconds();
        var jobIds = new long[_count + 1];
        lock (state.Users.Gate)
        {
            for (int i = 1; i <= _count; i++)
            {
                var seeded = BenchSite.SeededUser(Prefix, i);
                var user = new UserRecord
                {
                    Id = state.Users.NextId(), Username = seeded.Username, Email = seeded.Email, FirstName = seeded.FirstName,
                    LastName = LastName(i), IdNumber = seeded.IdNumber, Department = Department(i, changed: false), City = City(i),
                    Auth = "manual", HasPassword = true, TimeCreated = monthAgo, TimeModified = monthAgo,
                };
                state.Users.Add(user);
                var job = new JobAssignmentRecord
                {
                    Id = state.Jobs.NextId(), UserId = user.Id, IdNumber = JobId(i), FullName = JobName(i), StartDate = StartDate,
                    PositionId = positionIds[i % Positions], OrganisationId = organisationIds[i % Organisations],
                    ManagerJaId = Manager(i) is { } m ? jobIds[m] : null, TimeCreated = monthAgo, TimeModified = monthAgo,
                };
                state.Jobs.Add(job);
                jobIds[i] = job.Id;
                state.Cohorts.AddMember(audienceIds[i % Audiences], user.Id);
            }
        }
    }

    /// <summary>The HR export; every <paramref name="changeEvery"/>th row (0: none) has a new department.</summary>
    public PSObject[] Rows(int changeEvery = 0) => Enumerable.Range(1, _count).Select(i =>
    {
        var user = BenchSite.SeededUser(Prefix, i);
        return SourceRows.Row(
            ("idnumber", user.IdNumber), ("username", user.Username), ("email", user.Email),
            ("firstname", user.FirstName), ("lastname", LastName(i)), ("department", Department(i, changeEvery > 0 && i % changeEvery == 0)), ("city", City(i)),
            ("jobassignmentidnumber", JobId(i)), ("jobassignmentfullname", JobName(i)), ("jobassignmentstartdate", "2024-03-01"),
            ("posidnumber", $"POS-{i % Positions}"), ("orgidnumber", $"ORG-{i % Organisations}"),
            ("manageridnumber", Manager(i) is { } m ? BenchSite.SeededUser(Prefix, m).IdNumber : ""),
            ("Audiences", $"AUD-{i % Audiences}"));
    }).ToArray();

    private static string LastName(int i) => $"Source {i}";
    private static string Department(int i, bool changed) => changed ? $"Moved {i % 7}" : $"Department {i % 20}";
    private static string City(int i) => $"City {i % 30}";
    private static string JobId(int i) => $"JA-{i}";
    private static string JobName(int i) => $"Job {i}";

    /// <summary>Users 1..10 have no manager; user i's manager is user i / 10.</summary>
    private static int? Manager(int i) => i > 10 ? i / 10 : null;
}

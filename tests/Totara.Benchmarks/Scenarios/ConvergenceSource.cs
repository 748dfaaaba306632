using System.Management.Automation;
using Totara.Benchmarks.Hosting;
using Totara.Emulator.Domain;
using Totara.Emulator.Domain.Jobs;

namespace Totara.Benchmarks.Scenarios;

/// <summary>
/// Scenario 8's source of truth and the site it is synced to: half the users exist (with an old
/// department, so they are updated), half are new; every user has a job assignment (position,
/// organisation, manager) and one or two audiences. Afterwards it compares the emulator's store
/// with the source, field by field.
/// </summary>
internal sealed class ConvergenceSource
{
    public const string Prefix = "conv";
    private const int Positions = 10, Organisations = 5, Audiences = 5;

    private readonly int _count;
    private readonly Dictionary<string, long> _positionIds = new(), _organisationIds = new(), _audienceIds = new();

    public ConvergenceSource(int count) => _count = count;

    public int Existing => _count / 2;

    /// <summary>Adds the positions, organisations, audiences and the existing half of the users to the site.</summary>
    public void SeedSite(BenchSite site)
    {
        var state = site.Host.State;
        var positions = state.Positions.AddFramework("Positions", "PF");
        for (int p = 0; p < Positions; p++) _positionIds[$"POS-{p}"] = state.Positions.AddItem(positions, $"Position {p}", $"POS-{p}").Id;
        var organisations = state.Organisations.AddFramework("Organisations", "OF");
        for (int o = 0; o < Organisations; o++) _organisationIds[$"ORG-{o}"] = state.Organisations.AddItem(organisations, $"Organisation {o}", $"ORG-{o}").Id;
        for (int a = 0; a < Audiences; a++) _audienceIds[$"AUD-{a}"] = state.Cohorts.Add($"Audience {a}", $"AUD-{a}").Id;
        site.Seed(Prefix, Existing); // department empty, last name "User i": every one of them changes
    }

    /// <summary>The rows, as Import-Csv would give them from an HR export with job and audience columns.</summary>
    public PSObject[] Rows() => Enumerable.Range(1, _count).Select(i =>
    {
        var user = BenchSite.SeededUser(Prefix, i);
        return SourceRows.Row(
            ("idnumber", user.IdNumber), ("username", user.Username), ("email", user.Email),
            ("firstname", user.FirstName), ("lastname", LastName(i)), ("department", Department(i)), ("city", City(i)),
            ("jobassignmentidnumber", JobId(i)), ("jobassignmentfullname", JobName(i)), ("jobassignmentstartdate", "2024-03-01"),
            ("posidnumber", Position(i)), ("orgidnumber", Organisation(i)), ("manageridnumber", Manager(i) is { } m ? BenchSite.SeededUser(Prefix, m).IdNumber : ""),
            ("Audiences", string.Join(";", AudiencesOf(i))));
    }).ToArray();

    /// <summary>Compares the emulator's store with the source (call with faults switched off: it reads the store directly).</summary>
    public Comparison Compare(BenchSite site)
    {
        var state = site.Host.State;
        var users = state.Users.Snapshot(u => !u.Deleted && (u.IdNumber ?? "").StartsWith(Prefix + "-", StringComparison.Ordinal));
        var byIdNumber = users.GroupBy(u => u.IdNumber!).ToDictionary(g => g.Key, g => g.ToList());
        var comparison = new Comparison { UsersOnSite = users.Count };
        comparison.DuplicateUsers = users.Count - byIdNumber.Count + (users.Count - users.Select(u => u.Username).Distinct(StringComparer.OrdinalIgnoreCase).Count());

        var jobOf = new Dictionary<int, JobAssignmentRecord>();
        for (int i = 1; i <= _count; i++)
        {
            var expected = BenchSite.SeededUser(Prefix, i);
            if (!byIdNumber.TryGetValue(expected.IdNumber, out var found)) { comparison.MissingUsers++; continue; }
            var user = found[0];
            if (user.Username != expected.Username || user.Email != expected.Email || user.FirstName != expected.FirstName
                || user.LastName != LastName(i) || user.Department != Department(i) || user.City != City(i) || user.Suspended)
                comparison.WrongUsers++;

            var jobs = state.Jobs.ForUser(user.Id);
            comparison.Assignments += jobs.Count;
            if (jobs.Count > 1) comparison.DuplicateAssignments += jobs.Count - 1;
            var job = jobs.FirstOrDefault(j => j.IdNumber == JobId(i));
            if (job is null) { comparison.WrongAssignments++; continue; }
            jobOf[i] = job;

            var memberOf = _audienceIds.Where(a => state.Cohorts.IsMember(a.Value, user.Id)).Select(a => a.Key).OrderBy(a => a);
            if (!memberOf.SequenceEqual(AudiencesOf(i).OrderBy(a => a))) comparison.WrongMemberships++;
        }
        for (int i = 1; i <= _count; i++)
        {
            if (!jobOf.TryGetValue(i, out var job)) continue;
            long? manager = Manager(i) is { } m && jobOf.TryGetValue(m, out var managerJob) ? managerJob.Id : null;
            if (job.FullName != JobName(i) || job.PositionId != _positionIds[Position(i)] || job.OrganisationId != _organisationIds[Organisation(i)]
                || job.ManagerJaId != manager || (Manager(i) is not null && manager is null) || job.StartDate is null)
                comparison.WrongAssignments++;
        }
        foreach (var (idNumber, id) in _audienceIds)
        {
            int expected = Enumerable.Range(1, _count).Count(i => AudiencesOf(i).Contains(idNumber));
            comparison.Memberships += state.Cohorts.MemberCount(id);
            comparison.ExtraMemberships += Math.Max(0, state.Cohorts.MemberCount(id) - expected);
        }
        return comparison;
    }

    private static string LastName(int i) => $"Source {i}";
    private static string Department(int i) => $"Department {i % 20}";
    private static string City(int i) => $"City {i % 30}";
    private static string JobId(int i) => $"JA-{i}";
    private static string JobName(int i) => $"Job {i}";
    private static string Position(int i) => $"POS-{i % Positions}";
    private static string Organisation(int i) => $"ORG-{i % Organisations}";

    /// <summary>Users 1..10 have no manager; user i's manager is user i / 10 (a tree five levels deep at 2,000).</summary>
    private static int? Manager(int i) => i > 10 ? i / 10 : null;

    private static string[] AudiencesOf(int i) =>
        i % 3 == 0 ? new[] { $"AUD-{i % Audiences}", $"AUD-{(i + 1) % Audiences}" } : new[] { $"AUD-{i % Audiences}" };

    /// <summary>How the emulator's store differs from the source.</summary>
    internal sealed class Comparison
    {
        public int UsersOnSite;
        public int DuplicateUsers;
        public int MissingUsers;
        public int WrongUsers;
        public int Assignments;
        public int DuplicateAssignments;
        public int WrongAssignments;
        public int Memberships;
        public int WrongMemberships;
        public int ExtraMemberships;

        public int Differences => DuplicateUsers + MissingUsers + WrongUsers + DuplicateAssignments + WrongAssignments + WrongMemberships + ExtraMemberships;
    }
}

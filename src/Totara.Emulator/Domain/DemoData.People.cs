using Bogus;
using Totara.Emulator.Domain.Hierarchy;
using Totara.Emulator.Domain.Jobs;

namespace Totara.Emulator.Domain;

/// <summary>
/// The people half of the demo site: an organisation tree, a position tree, ~300 employees
/// (EMP00001...) with one job assignment each whose managers form a single tree (each
/// employee's manager was hired before them, so no loops), a few appraisers and temporary
/// managers, custom profile fields, static audiences with members and one dynamic audience.
/// Everything derives from the seed and fixed dates, never from the clock.
/// </summary>
public static partial class DemoData
{
    public const int DemoUserCount = 300;

    // A fixed "now" so the same seed always yields the same timestamps.
    private static readonly long DemoEpoch = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    private static readonly string[] Departments = { "Operations", "Sales", "Finance", "People", "Technology", "Customer Care" };

    static partial void PopulatePeople(EmulatorState state, int seed)
    {
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        state.UserProfileFields.Define(new UserProfileField("employmenttype", "Employment type", "menu"));
        state.UserProfileFields.Define(new UserProfileField("costcentre", "Cost centre", "text"));

        var organisations = BuildOrganisations(state.Organisations);
        var positions = BuildPositions(state.Positions);
        var users = BuildUsers(state, faker, organisations.Count);
        BuildJobs(state, faker, users, organisations, positions);
        BuildAudiences(state, faker, users);
    }

    private static List<HierarchyItem> BuildOrganisations(HierarchyStore store)
    {
        var framework = store.AddFramework("Acme Group", "ORGFW1", "Acme");
        var unit = store.AddType("Business unit", "BU");
        var team = store.AddType("Team", "TEAM");
        var root = store.AddItem(framework, "Acme Group", "ORG0", type: unit);
        var leaves = new List<HierarchyItem>();
        for (var d = 0; d < Departments.Length; d++)
        {
            var department = store.AddItem(framework, Departments[d], $"ORG{d + 1}", root, unit);
            foreach (var region in new[] { "North", "South" })
            {
                leaves.Add(store.AddItem(framework, $"{Departments[d]} {region}", $"ORG{d + 1}-{region[0]}", department, team));
            }
        }

        return leaves;
    }

    /// <summary>Positions by level: [0] executive, [1] heads, [2] managers, [3] staff roles.</summary>
    private static List<List<HierarchyItem>> BuildPositions(HierarchyStore store)
    {
        var framework = store.AddFramework("Acme roles", "POSFW1", "Roles");
        var type = store.AddType("Job role", "ROLE");
        var ceo = store.AddItem(framework, "Chief Executive", "POS-CEO", type: type);
        var levels = new List<List<HierarchyItem>> { new() { ceo }, new(), new(), new() };
        for (var d = 0; d < Departments.Length; d++)
        {
            var head = store.AddItem(framework, $"Head of {Departments[d]}", $"POS-H{d + 1}", ceo, type);
            var manager = store.AddItem(framework, $"{Departments[d]} Manager", $"POS-M{d + 1}", head, type);
            levels[1].Add(head);
            levels[2].Add(manager);
            levels[3].Add(store.AddItem(framework, $"{Departments[d]} Specialist", $"POS-S{d + 1}", manager, type));
            levels[3].Add(store.AddItem(framework, $"{Departments[d]} Associate", $"POS-A{d + 1}", manager, type));
        }

        return levels;
    }

    private static List<UserRecord> BuildUsers(EmulatorState state, Faker faker, int organisationCount)
    {
        var users = new List<UserRecord>(DemoUserCount);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 1; i <= DemoUserCount; i++)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var baseName = Slug(first) + "." + Slug(last);
            var username = baseName;
            for (var n = 2; !taken.Add(username); n++)
            {
                username = baseName + n;
            }

            var created = DemoEpoch - faker.Random.Int(30, 1500) * 86400L;
            var user = new UserRecord
            {
                Id = state.Users.NextId(),
                Username = username,
                IdNumber = $"EMP{i:D5}",
                Email = username + "@acme.example",
                FirstName = first,
                LastName = last,
                Department = Departments[(i - 1) % Departments.Length],
                City = faker.Address.City(),
                Country = faker.PickRandom("GB", "NZ", "AU", "US", "IE"),
                Phone1 = faker.Phone.PhoneNumber("0#### ######"),
                Suspended = i > 10 && faker.Random.Bool(0.04f),
                HasPassword = true,
                TimeCreated = created,
                TimeModified = created + faker.Random.Int(0, 20) * 86400L,
                LastAccess = DemoEpoch - faker.Random.Int(0, 60) * 3600L,
            };
            user.CustomFields["employmenttype"] = faker.PickRandom("Permanent", "Fixed term", "Contractor");
            user.CustomFields["costcentre"] = $"CC{100 + (i % organisationCount)}";
            state.Users.Add(user);
            users.Add(user);
        }

        return users;
    }

    /// <summary>
    /// Employee 1 is the chief executive; employees 2..7 head the departments; the next ones
    /// manage teams; everyone else reports to a manager of their department.
    /// </summary>
    private static void BuildJobs(EmulatorState state, Faker faker, List<UserRecord> users,
        List<HierarchyItem> organisations, List<List<HierarchyItem>> positions)
    {
        var jobs = new List<JobAssignmentRecord>(users.Count);
        var managersByDepartment = new Dictionary<int, List<JobAssignmentRecord>>();
        for (var i = 0; i < users.Count; i++)
        {
            var department = i % Departments.Length;
            var level = i == 0 ? 0 : i <= Departments.Length ? 1 : i <= Departments.Length * 5 ? 2 : 3;
            JobAssignmentRecord? manager = level switch
            {
                0 => null,
                1 => jobs[0],
                2 => jobs[1 + (department + Departments.Length - 1) % Departments.Length],
                _ => faker.PickRandom(managersByDepartment[department]),
            };
            var position = positions[level][level == 0 ? 0 : level == 3 ? department * 2 + faker.Random.Int(0, 1) : department];
            var start = users[i].TimeCreated;
            var job = new JobAssignmentRecord
            {
                Id = state.Jobs.NextId(),
                UserId = users[i].Id,
                IdNumber = "JA-" + users[i].IdNumber,
                FullName = position.FullName,
                StartDate = start,
                PositionId = position.Id,
                OrganisationId = organisations[department * 2 + (i / Departments.Length) % 2].Id,
                ManagerJaId = manager?.Id,
                AppraiserId = manager is not null && faker.Random.Bool(0.2f) ? jobs[0].UserId : null,
                SortOrder = 1,
                TimeCreated = start,
                TimeModified = start,
            };
            if (level == 3 && faker.Random.Bool(0.03f))
            {
                var temp = faker.PickRandom(managersByDepartment[department]);
                if (temp.Id != job.ManagerJaId)
                {
                    job.TempManagerJaId = temp.Id;
                    job.TempManagerExpiryDate = DemoEpoch + 400L * 86400;
                }
            }

            state.Jobs.Add(job);
            jobs.Add(job);
            if (level == 2)
            {
                (managersByDepartment.TryGetValue(department, out var list) ? list : managersByDepartment[department] = new()).Add(job);
            }
        }
    }

    private static void BuildAudiences(EmulatorState state, Faker faker, List<UserRecord> users)
    {
        var everyone = state.Cohorts.Add("All staff", "AUD-ALL", description: "Every employee", timeCreated: DemoEpoch - 900 * 86400L);
        foreach (var user in users.Where(u => !u.Suspended))
        {
            state.Cohorts.AddMember(everyone.Id, user.Id);
        }

        for (var d = 0; d < Departments.Length; d++)
        {
            var cohort = state.Cohorts.Add($"{Departments[d]} team", $"AUD-{Departments[d].Replace(" ", "").ToUpperInvariant()}",
                timeCreated: DemoEpoch - (700 - d) * 86400L);
            cohort.Tags.Add("department");
            foreach (var user in users.Where(u => u.Department == Departments[d]))
            {
                state.Cohorts.AddMember(cohort.Id, user.Id);
            }
        }

        var firstAiders = state.Cohorts.Add("First aiders", "AUD-FIRSTAID", timeCreated: DemoEpoch - 200 * 86400L);
        foreach (var user in faker.PickRandom(users, 12))
        {
            state.Cohorts.AddMember(firstAiders.Id, user.Id);
        }

        state.Cohorts.Add("Graduate intake 2027", "AUD-GRAD27", timeCreated: DemoEpoch - 10 * 86400L);
        var managers = state.Cohorts.Add("People managers", "AUD-MANAGERS", isDynamic: true,
            description: "Rule: has direct reports", timeCreated: DemoEpoch - 800 * 86400L);
        foreach (var user in users.Where(u => state.Jobs.ForUser(u.Id).Any(j => state.Jobs.StaffCount(j.Id) > 0)))
        {
            state.Cohorts.AddMember(managers.Id, user.Id);
        }

        // Kept in step with an Active Directory group by a script (docs/recipes.md, recipe 3): empty until it runs.
        state.Cohorts.Add("AD - Nursing staff", "AD-NURSING", description: "Members of the AD group 'Nursing staff'",
            timeCreated: DemoEpoch - 30 * 86400L);
    }

    private static string Slug(string name) =>
        new(name.ToLowerInvariant().Where(c => c is >= 'a' and <= 'z').ToArray());
}

using System.Collections;
using System.Management.Automation;
using System.Text.RegularExpressions;
using Totara.Emulator.Domain.Completion;
using Totara.PowerShell.Tests.TestSupport;
using Totara.PowerShell.Tests.Users;

namespace Totara.PowerShell.Tests.Learning;

/// <summary>
/// Runs every script of docs/recipes.md, exactly as written there, against the emulated site, and
/// checks what it did: the page cannot drift from the module.
/// </summary>
/// <remarks>
/// The hosted runspace has only PowerShell's core engine cmdlets: Import-Csv, Export-Csv and the
/// ActiveDirectory module's Get-ADGroupMember are missing. The recipes call them as an admin
/// would, so the tests define functions of the same names first (<see cref="StandIns"/>):
/// Import-Csv returns the rows a test put in $TestCsv, Export-Csv adds each piped row to
/// $TestExport, Get-ADGroupMember returns the members a test put in $TestAdGroups. Functions win
/// over cmdlets in PowerShell's command lookup, so the scripts need no change.
/// </remarks>
public sealed class RecipeTests : IClassFixture<EmulatorRunspaceFixture>
{
    private const string StandIns = """
        function Import-Csv { param([Parameter(Mandatory = $true)][string] $Path) $TestCsv[$Path] }
        function Export-Csv {
            param([Parameter(ValueFromPipeline = $true)] $InputObject, [string] $Path, [switch] $NoTypeInformation)
            process { $TestExport.Add($InputObject) }
        }
        function Get-ADGroupMember { param([Parameter(Mandatory = $true)] $Identity, [switch] $Recursive) $TestAdGroups[$Identity] }
        """;

    private readonly EmulatorRunspaceFixture _site;

    public RecipeTests(EmulatorRunspaceFixture site) => _site = site;

    /// <summary>The ```powershell blocks of docs/recipes.md, by the number of the heading above them.</summary>
    private static IReadOnlyDictionary<int, string> Recipes()
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.DocsFolder, "recipes.md")).Replace("\r\n", "\n");
        var recipes = new Dictionary<int, string>();
        foreach (Match section in Regex.Matches(text, @"^## (\d+)\. [^\n]*\n(.*?)(?=^## |\z)", RegexOptions.Multiline | RegexOptions.Singleline))
        {
            var blocks = Regex.Matches(section.Groups[2].Value, @"```powershell\n(.*?)```", RegexOptions.Singleline);
            Assert.True(blocks.Count == 1, $"Recipe {section.Groups[1].Value} has {blocks.Count} powershell blocks; one each, so each is tested.");
            recipes[int.Parse(section.Groups[1].Value)] = blocks[0].Groups[1].Value;
        }
        return recipes;
    }

    private ScriptResult RunRecipe(int number, Dictionary<string, object?> variables)
    {
        using var ps = _site.NewConnectedRunspace();
        ps.Run(StandIns).AssertNoErrors();
        return ps.Run(Recipes()[number], variables: variables);
    }

    private static Hashtable Csv(string path, params object[] rows) => new() { [path] = rows.Select(PSObject.AsPSObject).ToArray() };

    private static PSObject Row(params (string Name, object? Value)[] values)
    {
        var row = new PSObject();
        foreach (var (name, value) in values) row.Properties.Add(new PSNoteProperty(name, value));
        return row;
    }

    [Fact]
    public void The_page_has_five_recipes_each_with_one_script()
    {
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, Recipes().Keys.OrderBy(k => k));
        Assert.All(Recipes().Values, script => Assert.DoesNotContain("Write-Host", script));
    }

    [Fact]
    public void Recipe_1_enrols_new_starters_in_their_departments_courses()
    {
        var sales = _site.Seed(UserTestData.UniqueName("ns"));
        var tech = _site.Seed(UserTestData.UniqueName("nt"));
        var other = _site.Seed(UserTestData.UniqueName("no"));
        var rows = Csv(@".\new-starters.csv",
            Row(("Username", sales.Username), ("Department", "Sales")),
            Row(("Username", tech.Username), ("Department", "Technology")),
            Row(("Username", other.Username), ("Department", "Legal")),
            Row(("Username", "not-a-user"), ("Department", "Sales")));

        var result = RunRecipe(1, new() { ["TestCsv"] = rows });

        // The unknown user is an error per course of the department, collected in $failedEnrolments; the others went on.
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.StartsWith("TotaraUserNotFound,", e.FullyQualifiedErrorId));
        var changed = result.Output.Select(o => (o.Get("Username") as string, o.Get("Course") as string)).ToList();
        Assert.Equal(4, changed.Count);
        bool Enrolled(string shortName, Totara.Emulator.Domain.UserRecord user) =>
            _site.IsEnrolled(_site.Host.State.Courses.FindCourses(null, null, shortName).Single(), user);
        Assert.True(Enrolled("INDUCT", sales) && Enrolled("CSX", sales));
        Assert.True(Enrolled("INDUCT", tech) && Enrolled("INFOSEC", tech));
        Assert.False(Enrolled("INDUCT", other));
    }

    [Fact]
    public void Recipe_2_writes_one_completion_row_per_user_and_mandatory_course()
    {
        var export = new List<object>();

        var result = RunRecipe(2, new() { ["TestExport"] = export });

        result.AssertNoErrors();
        using var ps = _site.NewConnectedRunspace();
        var users = (int)ps.Run("@(Get-TotaraUser).Count").AssertNoErrors().Output.Single().BaseObject;
        var mandatory = _site.Host.State.Courses.SnapshotCourses().Where(c => c.Tags.Contains("mandatory")).Select(c => c.Id).ToHashSet();
        var rows = export.Select(PSObject.AsPSObject).ToList();
        Assert.Equal(users * mandatory.Count, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => ((long)r.Get("UserId")!, (long)r.Get("CourseId")!)).Distinct().Count());
        Assert.True(mandatory.SetEquals(rows.Select(r => (long)r.Get("CourseId")!)));
        Assert.All(rows, r => Assert.Equal("Totara.PowerShell.TotaraCourseCompletion", r.BaseObject.GetType().FullName));
        // Spot-check the rows against the site's own records.
        foreach (var row in rows.Where(r => r.Get("Status")!.ToString() == "Complete").Take(20))
        {
            var stored = _site.Host.State.Completions.Get((long)row.Get("UserId")!, (long)row.Get("CourseId")!);
            Assert.True(stored!.Status is CompletionStatus.Complete);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(stored.TimeCompleted).UtcDateTime, row.Get("TimeCompleted"));
        }
        Assert.Contains(rows, r => r.Get("Status")!.ToString() == "Complete");
        Assert.Contains(rows, r => r.Get("Status")!.ToString() == "NoRecord");
    }

    [Fact]
    public void Recipe_3_adds_the_AD_groups_members_to_the_audience()
    {
        var cohort = _site.Host.State.Cohorts.Add("AD - Nursing staff", "AD-NURSING");
        var a = _site.Seed(UserTestData.UniqueName("ad"));
        var b = _site.Seed(UserTestData.UniqueName("ad"));
        _site.Host.State.Cohorts.AddMember(cohort.Id, b.Id);
        var groups = new Hashtable
        {
            ["Nursing staff"] = new[]
            {
                Row(("SamAccountName", a.Username.ToUpperInvariant()), ("objectClass", "user")),
                Row(("SamAccountName", b.Username), ("objectClass", "user")),
            },
        };

        var result = RunRecipe(3, new() { ["TestAdGroups"] = groups }).AssertNoErrors();

        Assert.Equal($"Added {a.Username} to AD - Nursing staff (AD-NURSING)", Assert.Single(result.Output).BaseObject);
        Assert.True(_site.Host.State.Cohorts.IsMember(cohort.Id, a.Id));
        Assert.True(_site.Host.State.Cohorts.IsMember(cohort.Id, b.Id));
    }

    [Fact]
    public void Recipe_4_unenrols_leavers_everywhere_and_suspends_them()
    {
        var leaver = _site.Seed(UserTestData.UniqueName("lv"));
        var stayer = _site.Seed(UserTestData.UniqueName("st"));
        var courses = _site.Host.State.Courses.SnapshotCourses().Where(c => c.ShortName is "INDUCT" or "GDPR" or "FIRE").ToList();
        foreach (var course in courses)
        {
            _site.Enrol(course, leaver);
            _site.Enrol(course, stayer);
        }
        var rows = Csv(@".\leavers.csv", Row(("Username", leaver.Username), ("LeavingDate", "2026-11-30")));

        var result = RunRecipe(4, new() { ["TestCsv"] = rows }).AssertNoErrors();

        Assert.Equal(3, result.Output.Count(o => o.Get("Result")?.ToString() == "Unenrolled"));
        Assert.All(courses, c => Assert.False(_site.IsEnrolled(c, leaver)));
        Assert.All(courses, c => Assert.True(_site.IsEnrolled(c, stayer)));
        Assert.True(_site.Stored(leaver.Username)!.Suspended);
        Assert.False(_site.Stored(stayer.Username)!.Suspended);
    }

    [Fact]
    public void Recipe_5_creates_the_quarters_goal_for_sales_once_even_when_run_twice()
    {
        var a = _site.Seed(UserTestData.UniqueName("sa"), u => u.Department = "Sales");
        var b = _site.Seed(UserTestData.UniqueName("sb"), u => u.Department = "Sales");
        var c = _site.Seed(UserTestData.UniqueName("sc"), u => u.Department = "Finance");
        var today = DateTime.Today;
        var start = new DateTime(today.Year, 3 * ((today.Month - 1) / 3) + 1, 1);
        var quarter = $"{start.Year}-Q{(start.Month + 2) / 3}";

        var first = RunRecipe(5, new()).AssertNoErrors();
        var second = RunRecipe(5, new());

        foreach (var user in new[] { a, b })
        {
            var goal = Assert.Single(_site.Host.State.Goals.ForUser(user.Id));
            Assert.Equal($"{quarter}-SALES-{user.Username}", goal.IdNumber);
            Assert.Equal($"{quarter} sales target", goal.Name);
            Assert.Equal(new DateTimeOffset(start.AddMonths(3).AddDays(-1)).ToUnixTimeSeconds(), goal.TargetDate);
        }
        Assert.Empty(_site.Host.State.Goals.ForUser(c.Id));
        Assert.Contains(first.Output, o => (string?)o.Get("Username") == a.Username);
        // The second run refuses every goal as existing and creates nothing.
        Assert.Empty(second.Output);
        Assert.NotEmpty(second.Errors);
        Assert.All(second.Errors, e => Assert.Contains("id_number already exists", e.Exception.Message));
    }
}

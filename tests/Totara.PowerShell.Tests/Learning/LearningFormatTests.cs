using System.Xml.Linq;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Learning;

/// <summary>
/// Every learning output type has a table view in the built module's format file, naming only
/// properties the type has. (How the views render is checked in real pwsh: tests/Pester/Console.Tests.ps1.)
/// </summary>
public sealed class LearningFormatTests
{
    // The type names below the module namespace (Area.Type).
    public static TheoryData<string, string[]> Views() => new()
    {
        { "Courses.TotaraCourse", new[] { "Id", "ShortName", "FullName", "IdNumber", "Category" } },
        { "Courses.TotaraCourseEnrolmentResult", new[] { "User", "Username", "Course", "Result" } },
        { "Courses.TotaraCourseCompletion", new[] { "User", "Course", "Status", "Progress", "TimeCompleted" } },
        { "Goals.TotaraGoal", new[] { "Id", "IdNumber", "Name", "Username", "Status", "CurrentValue", "TargetValue", "TargetDate" } },
        { "Goals.TotaraGoalProgress", new[] { "Goal", "GoalId", "Status", "CurrentValue" } },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public void The_type_has_a_table_view_of_its_own_properties(string type, string[] columns)
    {
        var format = XDocument.Load(Path.Combine(RepoPaths.ModuleFolder, "Totara.PowerShell.format.ps1xml"));
        var view = format.Descendants("View").Single(v => v.Descendants("TypeName").Any(t => t.Value == "Totara.PowerShell." + type));

        Assert.Equal(columns, view.Descendants("PropertyName").Select(p => p.Value));
        using var ps = new ModuleRunspace();
        var properties = ps.Run($"[Totara.PowerShell.{type}].GetProperties().Name").AssertNoErrors().Output.Select(o => o.ToString()).ToList();
        Assert.All(columns, c => Assert.Contains(c, properties));
    }
}

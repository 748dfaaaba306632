using System.Management.Automation.Runspaces;
using System.Xml.Linq;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.JobAssignments;

/// <summary>The format file loads and gives TotaraJobAssignment a table and a list view (the hosted engine has no Format-* cmdlets to render them).</summary>
public sealed class JobAssignmentViewTests
{
    [Fact]
    public void The_module_format_file_loads_and_has_a_table_and_a_list_view_for_job_assignments()
    {
        var path = Path.Combine(RepoPaths.ModuleFolder, "Totara.PowerShell.format.ps1xml");

        _ = new FormatTable(new[] { path }); // throws FormatTableLoadException on any error in the file

        var views = XDocument.Load(path).Descendants("View")
            .Where(v => v.Element("ViewSelectedBy")?.Element("TypeName")?.Value == "Totara.PowerShell.JobAssignments.TotaraJobAssignment")
            .ToList();
        Assert.Contains(views, v => v.Element("TableControl") is not null);
        Assert.Contains(views, v => v.Element("ListControl") is not null);
        var tableColumns = views.Single(v => v.Element("TableControl") is not null).Descendants("Label").Select(l => l.Value);
        Assert.Equal(new[] { "Id", "IdNumber", "User", "FullName", "Position", "Organisation", "Manager" }, tableColumns);
    }
}

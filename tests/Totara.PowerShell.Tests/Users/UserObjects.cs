using System.Collections;
using System.Management.Automation;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Users;

/// <summary>
/// Reads the module's output objects through PowerShell's own view of them: the test assembly
/// does not reference the module (the runspace loads it from out/), so types are matched by name.
/// </summary>
internal static class UserObjects
{
    public const string TotaraUserType = "Totara.PowerShell.Users.TotaraUser";

    /// <summary>The TotaraUser objects of a run, in output order.</summary>
    public static IReadOnlyList<PSObject> Users(this ScriptResult result) =>
        result.Output.Where(o => o.BaseObject.GetType().FullName == TotaraUserType).ToList();

    public static object? Get(this PSObject user, string property) =>
        user.Properties[property]?.Value is { } value ? (value is PSObject wrapped ? wrapped.BaseObject : value) : null;

    public static string? Text(this PSObject user, string property) => user.Get(property) as string;

    public static long Id(this PSObject user) => (long)user.Get("Id")!;

    public static string? Username(this PSObject user) => user.Text("Username");

    public static Hashtable? CustomFields(this PSObject user) => user.Get("CustomFields") as Hashtable;
}

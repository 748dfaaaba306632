using System;
using System.Linq;

namespace Totara.Client.JobAssignments;

/// <summary>
/// Which input field a Totara job-assignment error is about, from the site's text (its
/// debugMessage, see <see cref="TotaraGraphQLError.Text"/>): the field names of
/// totara_job_create_job_assignment's input. Null when the text names none.
/// </summary>
public static class JobAssignmentErrorFields
{
    // Most specific first: "temporary manager" must win over "manager".
    private static readonly (string Text, string Field)[] Map =
    {
        ("expiry date", "tempmanagerexpirydate"),
        ("temporary manager", "tempmanager"),
        ("manager", "manager"),
        ("appraiser", "appraiser"),
        ("Position reference", "position"),
        ("Organisation reference", "organisation"),
        ("user does not exist", "user"),
        ("start date", "startdate"),
        ("idnumber", "idnumber"),
        ("ID Number", "idnumber"),
    };

    /// <summary>The input field (<c>manager</c>, <c>startdate</c>, <c>idnumber</c>, ...) the site's text is about: the first known phrase it contains, ignoring case; null when the text is null or names no field.</summary>
    /// <param name="text">The error's real text (<see cref="TotaraGraphQLError.Text"/>), not its generic message.</param>
    public static string? FieldOf(string? text) => text is null
        ? null
        : Map.Where(pair => text.IndexOf(pair.Text, StringComparison.OrdinalIgnoreCase) >= 0).Select(pair => pair.Field).FirstOrDefault();
}

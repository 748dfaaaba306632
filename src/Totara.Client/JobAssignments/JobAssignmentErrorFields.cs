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

    public static string? FieldOf(string? text) => text is null
        ? null
        : Map.Where(pair => text.IndexOf(pair.Text, StringComparison.OrdinalIgnoreCase) >= 0).Select(pair => pair.Field).FirstOrDefault();
}

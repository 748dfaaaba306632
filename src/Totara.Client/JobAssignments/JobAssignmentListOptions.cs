using System;
using System.Collections.Generic;
using System.Globalization;

namespace Totara.Client.JobAssignments;

/// <summary>
/// What <c>totara_job_job_assignments</c> is asked for. The query has no filters: only a page size
/// and a sort, and Totara sorts this list by id alone (ascending or descending).
/// </summary>
public sealed class JobAssignmentListOptions
{
    /// <summary>The most assignments one page asks for.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Newest first when true.</summary>
    public bool Descending { get; set; }

    /// <summary>
    /// The fields of each assignment (<see cref="JobAssignmentData.Selection"/> by default). Totara charges
    /// one point per field per assignment, so a reader that compares a few fields asks for those only.
    /// </summary>
    public string Selection { get; set; } = JobAssignmentData.Selection;

    /// <summary>Assignments per page; null derives it from the complexity limit.</summary>
    public int? PageSize { get; set; }

    /// <summary>The page size used: as given, else <paramref name="fittingPageSize"/> (what fits the complexity limit).</summary>
    public int EffectivePageSize(int fittingPageSize) =>
        Math.Max(1, Math.Min(PageSize ?? fittingPageSize, MaxPageSize));

    /// <summary>The paged query; the cursor travels in <c>$cursor</c>, as the client's pager expects.</summary>
    public GraphQLRequest BuildRequest(int fittingPageSize)
    {
        // The page size is a literal so the client's estimator can price the page.
        var document =
            "query totara_powershell_job_assignments($cursor: String, $sort: [core_sort_input!]) {\n" +
            "  totara_job_job_assignments(query: {pagination: {cursor: $cursor, limit: " +
            EffectivePageSize(fittingPageSize).ToString(CultureInfo.InvariantCulture) + "}, sort: $sort}) {\n" +
            "    items { " + Selection + " }\n    total\n    next_cursor\n  }\n}";
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["cursor"] = null,
            ["sort"] = new List<object?>
            {
                new Dictionary<string, object?>(StringComparer.Ordinal) { ["column"] = "id", ["direction"] = Descending ? "DESC" : "ASC" },
            },
        };
        return new GraphQLRequest(document, variables, "totara_powershell_job_assignments");
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;

namespace Totara.Client.Cohorts;

/// <summary>What <c>core_cohort_static_cohorts</c> is asked for: its filters and the page size.</summary>
public sealed class CohortListOptions
{
    /// <summary>The most audiences one page asks for, whatever <see cref="PageSize"/> says.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Only audiences with this tag (raw name; filter.tag_filter).</summary>
    public string? Tag { get; set; }

    /// <summary>Only audiences created at or after this time (filter.since_timecreated).</summary>
    public DateTimeOffset? CreatedSince { get; set; }

    /// <summary>Only audiences changed at or after this time (filter.since_timemodified).</summary>
    public DateTimeOffset? ModifiedSince { get; set; }

    /// <summary>Audiences per page; null derives it from the complexity limit.</summary>
    public int? PageSize { get; set; }

    /// <summary>The page size sent: <see cref="PageSize"/> kept within 1..<see cref="MaxPageSize"/>, or, without one, as many audiences as fit under <paramref name="complexityLimit"/>.</summary>
    /// <param name="complexityLimit">The complexity one request may use (the client's <see cref="TotaraClient.BatchComplexityLimit"/>).</param>
    public int EffectivePageSize(int complexityLimit) =>
        Paging.PageSize.Choose(PageSize, MaxPageSize, complexityLimit, CohortData.CostPerCohort);

    /// <summary>The paged query; the cursor travels in <c>$cursor</c>, as the client's pager expects.</summary>
    public GraphQLRequest BuildRequest(int complexityLimit)
    {
        // The page size is a literal: pagination.limit is a param_integer, which a variable would have to be declared as.
        var document =
            "query totara_powershell_cohorts($cursor: String, $filter: core_cohort_static_cohorts_filter) {\n" +
            "  core_cohort_static_cohorts(query: {pagination: {cursor: $cursor, limit: " +
            EffectivePageSize(complexityLimit).ToString(CultureInfo.InvariantCulture) + "}, filter: $filter}) {\n" +
            "    items { " + CohortData.Selection + " }\n    total\n    next_cursor\n  }\n}";
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["cursor"] = null,
            ["filter"] = Filter(),
        };
        return new GraphQLRequest(document, variables, "totara_powershell_cohorts");
    }

    private IDictionary<string, object?>? Filter()
    {
        var filter = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(Tag)) filter["tag_filter"] = Tag!.Trim();
        if (CreatedSince is { } created) filter["since_timecreated"] = created.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        if (ModifiedSince is { } modified) filter["since_timemodified"] = modified.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return filter.Count == 0 ? null : filter;
    }
}

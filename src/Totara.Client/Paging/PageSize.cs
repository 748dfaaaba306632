using System;

namespace Totara.Client.Paging;

/// <summary>How many items one page of a list query asks for.</summary>
public static class PageSize
{
    /// <summary>A page query's fixed cost: the root field (5) plus its items, total and next_cursor (1 each).</summary>
    public const int PageOverhead = 5 + 3;

    /// <summary>
    /// The size given (kept within 1..<paramref name="maximum"/>), or, when none is given, as many
    /// items as fit under <paramref name="complexityLimit"/> at <paramref name="costPerItem"/>
    /// points each (one per field selected), so a page never crosses the site's limit.
    /// </summary>
    public static int Choose(int? given, int maximum, int complexityLimit, int costPerItem)
    {
        if (given is int size) return Math.Max(1, Math.Min(size, maximum));
        return Math.Max(1, Math.Min(maximum, (complexityLimit - PageOverhead) / Math.Max(1, costPerItem)));
    }
}

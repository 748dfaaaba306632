using System;

namespace Totara.Client.Pacing;

/// <summary>
/// When the site's current rate-limit window started, as far as the client can tell: the site
/// starts it at the first root-field check of some request, which happens between that request
/// being sent (<see cref="EarliestStart"/>) and its answer arriving (<see cref="LatestStart"/>).
/// </summary>
internal sealed class SiteWindow
{
    public SiteWindow(TimeSpan earliestStart, ComplexityLedger.Entry? starter, TimeSpan? latestStart = null)
    {
        EarliestStart = earliestStart;
        Starter = starter;
        LatestStart = latestStart;
    }

    public TimeSpan EarliestStart { get; }

    /// <summary>Null until a request sent at or after the start was answered by the site.</summary>
    public TimeSpan? LatestStart { get; set; }

    /// <summary>The booking whose answer will fix <see cref="LatestStart"/>.</summary>
    public ComplexityLedger.Entry? Starter { get; set; }
}

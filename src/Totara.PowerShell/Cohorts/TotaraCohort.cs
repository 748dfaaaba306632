using System;
using Totara.Client.Cohorts;

namespace Totara.PowerShell.Cohorts;

/// <summary>
/// A Totara audience (the API calls it a cohort), as Get-TotaraCohort returns it. Pass it to
/// -Cohort of the member cmdlets: it names its audience by id on the same site.
/// </summary>
public sealed class TotaraCohort
{
    internal TotaraCohort(CohortData data, Uri site)
    {
        Site = site;
        Id = data.Id;
        Name = data.Name;
        IdNumber = data.IdNumber;
        Description = data.Description;
        Type = data.Type;
        Active = data.Active;
        MembersCount = data.MembersCount;
    }

    /// <summary>The site the audience is on.</summary>
    public Uri Site { get; }

    /// <summary>The audience's id on <see cref="Site"/>; 0 when the site sent none.</summary>
    public long Id { get; }

    /// <summary>The audience's name as the site shows it; names need not be unique, so -Cohort by name fails when two audiences share one. Empty when the site sent none.</summary>
    public string Name { get; }

    /// <summary>The audience's idnumber, the key an integration sets; null when the audience has none.</summary>
    public string? IdNumber { get; }

    /// <summary>The audience's description as stored on the site (it may hold HTML); null when it has none.</summary>
    public string? Description { get; }

    /// <summary>STATIC or DYNAMIC (the API lists static audiences only).</summary>
    public string? Type { get; }

    /// <summary>Whether the audience is active on the site; also false when the site did not say.</summary>
    public bool Active { get; }

    /// <summary>How many users the audience had when it was read; 0 when the site did not say.</summary>
    public int MembersCount { get; }

    /// <inheritdoc/>
    public override string ToString() => string.IsNullOrEmpty(IdNumber) ? Name : $"{Name} ({IdNumber})";
}

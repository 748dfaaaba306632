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

    public long Id { get; }

    public string Name { get; }

    public string? IdNumber { get; }

    public string? Description { get; }

    /// <summary>STATIC or DYNAMIC (the API lists static audiences only).</summary>
    public string? Type { get; }

    public bool Active { get; }

    public int MembersCount { get; }

    public override string ToString() => string.IsNullOrEmpty(IdNumber) ? Name : $"{Name} ({IdNumber})";
}

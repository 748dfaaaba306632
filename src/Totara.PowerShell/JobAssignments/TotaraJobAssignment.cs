using System;
using Totara.Client.JobAssignments;
using Totara.PowerShell.Infrastructure;

namespace Totara.PowerShell.JobAssignments;

/// <summary>
/// A Totara job assignment, as the job-assignment cmdlets return it: the holder, the position,
/// the organisation, the manager (user and job), the temporary manager, the appraiser and the dates.
/// Property names follow HR Import's columns where one exists, so an assignment can be compared
/// with a row of an HR file, and piped into Set- or Remove-TotaraJobAssignment.
/// </summary>
public sealed class TotaraJobAssignment
{
    internal TotaraJobAssignment(JobAssignmentData data, Uri site)
    {
        Site = site;
        Id = data.Id;
        IdNumber = data.IdNumber;
        FullName = data.FullName;
        ShortName = data.ShortName;
        UserId = data.User.Id;
        Username = data.User.Username;
        UserIdNumber = data.User.IdNumber;
        UserFullName = data.User.FullName;
        PositionIdNumber = data.PositionIdNumber;
        PositionName = data.PositionName;
        OrganisationIdNumber = data.OrganisationIdNumber;
        OrganisationName = data.OrganisationName;
        ManagerJobAssignmentId = data.ManagerJobAssignmentId;
        ManagerJobAssignmentIdNumber = data.ManagerJobAssignmentIdNumber;
        ManagerUsername = data.Manager?.Username;
        ManagerIdNumber = data.Manager?.IdNumber;
        TempManagerJobAssignmentId = data.TempManagerJobAssignmentId;
        TempManagerJobAssignmentIdNumber = data.TempManagerJobAssignmentIdNumber;
        TempManagerUsername = data.TempManager?.Username;
        TempManagerIdNumber = data.TempManager?.IdNumber;
        TempManagerExpiryDate = data.TempManagerExpiryDate?.UtcDateTime;
        AppraiserUsername = data.Appraiser?.Username;
        AppraiserIdNumber = data.Appraiser?.IdNumber;
        StartDate = data.StartDate?.UtcDateTime;
        EndDate = data.EndDate?.UtcDateTime;
    }

    /// <summary>The job assignment's id on its site.</summary>
    public long Id { get; }

    /// <summary>The assignment's idnumber (unique per user).</summary>
    public string IdNumber { get; }

    /// <summary>The assignment's full name; null when it has none.</summary>
    public string? FullName { get; }

    /// <summary>The assignment's short name; null when it has none.</summary>
    public string? ShortName { get; }

    /// <summary>The holder's user id.</summary>
    public long UserId { get; }

    /// <summary>The holder's username; null when the site did not return it.</summary>
    public string? Username { get; }

    /// <summary>The holder's idnumber (HR Import's useridnumber).</summary>
    public string? UserIdNumber { get; }

    /// <summary>The holder's full name as the site shows it; null when the site did not return it (only the holder's is read, not the manager's or appraiser's).</summary>
    public string? UserFullName { get; }

    /// <summary>HR Import's posidnumber.</summary>
    public string? PositionIdNumber { get; }

    /// <summary>The position's full name; null when the assignment has no position.</summary>
    public string? PositionName { get; }

    /// <summary>HR Import's orgidnumber.</summary>
    public string? OrganisationIdNumber { get; }

    /// <summary>The organisation's full name; null when the assignment has no organisation.</summary>
    public string? OrganisationName { get; }

    /// <summary>The id of the manager's job assignment (a manager is named by one of their jobs, not only as a user); null when the assignment has no manager.</summary>
    public long? ManagerJobAssignmentId { get; }

    /// <summary>HR Import's managerjobassignmentidnumber.</summary>
    public string? ManagerJobAssignmentIdNumber { get; }

    /// <summary>The username of the user holding the manager's job assignment; null when there is no manager or the site did not return it.</summary>
    public string? ManagerUsername { get; }

    /// <summary>The manager's user idnumber (HR Import's manageridnumber).</summary>
    public string? ManagerIdNumber { get; }

    /// <summary>The id of the temporary manager's job assignment; null when the assignment has no temporary manager.</summary>
    public long? TempManagerJobAssignmentId { get; }

    /// <summary>The idnumber of the temporary manager's job assignment; null when there is no temporary manager.</summary>
    public string? TempManagerJobAssignmentIdNumber { get; }

    /// <summary>The temporary manager's username; null when there is no temporary manager or the site did not return it. They act as a manager of the holder until <see cref="TempManagerExpiryDate"/>.</summary>
    public string? TempManagerUsername { get; }

    /// <summary>HR Import's tempmanageridnumber.</summary>
    public string? TempManagerIdNumber { get; }

    /// <summary>When the temporary manager stops managing (UTC).</summary>
    public DateTime? TempManagerExpiryDate { get; }

    /// <summary>The appraiser's username; null when the assignment has no appraiser or the site did not return it.</summary>
    public string? AppraiserUsername { get; }

    /// <summary>HR Import's appraiseridnumber.</summary>
    public string? AppraiserIdNumber { get; }

    /// <summary>Start date (UTC).</summary>
    public DateTime? StartDate { get; }

    /// <summary>End date (UTC).</summary>
    public DateTime? EndDate { get; }

    /// <summary>The site the assignment lives on.</summary>
    public Uri Site { get; }

    /// <summary>How to name the holder on <paramref name="site"/>: by id on the assignment's own site, else by idnumber or username.</summary>
    internal Totara.Client.Users.UserReference HolderOn(Uri site)
    {
        if (Sites.Same(Site, site) || (string.IsNullOrWhiteSpace(UserIdNumber) && string.IsNullOrWhiteSpace(Username)))
            return Totara.Client.Users.UserReference.ById(UserId);
        return string.IsNullOrWhiteSpace(UserIdNumber) ? Totara.Client.Users.UserReference.ByUsername(Username!) : Totara.Client.Users.UserReference.ByIdNumber(UserIdNumber!);
    }

    /// <summary>e.g. <c>J1 (jsmith)</c>.</summary>
    public override string ToString() => $"{IdNumber} ({Username ?? UserIdNumber ?? "user " + UserId})";
}

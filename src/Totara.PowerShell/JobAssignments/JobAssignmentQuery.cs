using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.JobAssignments;
using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Users;

namespace Totara.PowerShell.JobAssignments;

/// <summary>
/// What one piped object asks Get-TotaraJobAssignment for: a user's assignments (the references to
/// try for the user) and, optionally, only the one with an idnumber.
/// </summary>
internal sealed class JobAssignmentQuery
{
    public JobAssignmentQuery(IReadOnlyList<UserReference> user, string? idNumber)
    {
        User = user;
        IdNumber = idNumber;
    }

    /// <summary>The references to try for the user, in turn.</summary>
    public IReadOnlyList<UserReference> User { get; }

    /// <summary>Only the assignment with this idnumber; null for all of the user's.</summary>
    public string? IdNumber { get; }

    /// <summary>
    /// Reads a piped object: a TotaraJobAssignment (refreshed), a TotaraUser, a record with a
    /// UserIdNumber (and IdNumber) property such as an HR Import row, or anything naming a user.
    /// </summary>
    /// <exception cref="ArgumentException">The object names no user.</exception>
    public static JobAssignmentQuery From(PSObject input, Uri site) => input.BaseObject switch
    {
        TotaraJobAssignment job => new(new[] { job.HolderOn(site) }, job.IdNumber),
        TotaraUser user => new(new UserIdentity(user).CandidatesFor(site), null),
        _ when Text(input, "UserIdNumber") is { } rowUser => new(new[] { UserReference.ByIdNumber(rowUser) }, Text(input, "IdNumber")),
        _ => new(UserIdentity.From(input).CandidatesFor(site), null),
    };

    /// <summary>
    /// Reads the user's assignments (the first reference that names a user), keeping only the one
    /// with <see cref="IdNumber"/> when given; the answer names what was missing, if anything.
    /// </summary>
    public async Task<(IReadOnlyList<JobAssignmentData> Jobs, string? Missing, string? ErrorId)> ReadAsync(JobAssignmentsClient jobs, Uri site, CancellationToken ct)
    {
        var found = await jobs.ForFirstUserAsync(User, ct).ConfigureAwait(false);
        if (found is null)
            return (Array.Empty<JobAssignmentData>(), $"No Totara user matches {string.Join(" or ", User)} on {site}.", ErrorIds.UserNotFound);
        if (string.IsNullOrWhiteSpace(IdNumber)) return (found, null, null);
        var wanted = found.Where(j => j.IdNumber == IdNumber!.Trim()).ToList();
        return wanted.Count > 0
            ? (wanted, null, null)
            : (wanted, $"{User[0]} has no job assignment with idnumber '{IdNumber!.Trim()}' on {site}.", ErrorIds.JobAssignmentNotFound);
    }

    private static string? Text(PSObject input, string name) =>
        input.Properties[name]?.Value is { } value && Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) is { } text && text.Trim().Length > 0
            ? text.Trim()
            : null;
}

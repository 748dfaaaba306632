using System;
using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client.JobAssignments;
using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;
using Totara.PowerShell.Users;

namespace Totara.PowerShell.JobAssignments;

/// <summary>
/// <para type="synopsis">Gets job assignments: a user's, one by user and idnumber, or every assignment on the site, streamed page by page.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "TotaraJobAssignment", DefaultParameterSetName = ListSet)]
[OutputType(typeof(TotaraJobAssignment))]
public sealed class GetTotaraJobAssignmentCommand : TotaraSessionCmdlet
{
    private const string ListSet = "List";
    private const string UserSet = "User";
    private const string UserIdNumberSet = "UserIdNumber";
    private const string IdNumberSet = "IdNumber";
    private const string IdSet = "Id";
    private const string PipelineSet = "Pipeline";

    /// <summary>The user(s) whose assignments to get: a username, an id, an email or a TotaraUser.</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = UserSet)]
    [UserIdentityTransformation]
    [ValidateNotNullOrEmpty]
    public UserIdentity[] User { get; set; } = Array.Empty<UserIdentity>();

    /// <summary>The idnumber(s) of the user(s) whose assignments to get (HR Import's useridnumber).</summary>
    [Parameter(Mandatory = true, ParameterSetName = UserIdNumberSet)]
    [ValidateNotNullOrEmpty]
    public string[] UserIdNumber { get; set; } = Array.Empty<string>();

    /// <summary>Only the assignment with this idnumber; alone, every user's assignment with it (read from the whole list).</summary>
    [Parameter(ParameterSetName = UserSet)]
    [Parameter(ParameterSetName = UserIdNumberSet)]
    [Parameter(Mandatory = true, ParameterSetName = IdNumberSet)]
    [ValidateNotNullOrEmpty]
    public string? IdNumber { get; set; }

    /// <summary>The assignment id(s) to get (read from the whole list).</summary>
    [Parameter(Mandatory = true, ParameterSetName = IdSet)]
    [ValidateNotNullOrEmpty]
    public long[] Id { get; set; } = Array.Empty<long>();

    /// <summary>Lists newest first.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public SwitchParameter Descending { get; set; }

    /// <summary>
    /// Piped users (TotaraUser, names), job assignments (refreshed) or records with a UserIdNumber
    /// (and IdNumber) property, such as the rows of an HR Import file.
    /// </summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = PipelineSet, DontShow = true)]
    [ValidateNotNull]
    public PSObject? InputObject { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord(TotaraSession session)
    {
        switch (ParameterSetName)
        {
            case UserSet:
                foreach (var identity in User) ForUser(session, new JobAssignmentQuery(identity.CandidatesFor(session.Url), IdNumber), identity.Source ?? identity.Text);
                break;
            case UserIdNumberSet:
                foreach (var idNumber in UserIdNumber) ForUser(session, new JobAssignmentQuery(new[] { UserReference.ByIdNumber(idNumber) }, IdNumber), idNumber);
                break;
            case IdNumberSet:
                Scan(session, job => job.IdNumber == IdNumber!.Trim(), $"idnumber '{IdNumber!.Trim()}'", IdNumber!, stopAfter: null);
                break;
            case IdSet:
                var ids = new HashSet<long>(Id);
                Scan(session, job => ids.Contains(job.Id), "id " + string.Join(", ", Id), Id, stopAfter: ids.Count);
                break;
            case PipelineSet:
                FromPipeline(session, InputObject!);
                break;
            default:
                List(session);
                break;
        }
    }

    private void FromPipeline(TotaraSession session, PSObject input)
    {
        try
        {
            ForUser(session, JobAssignmentQuery.From(input, session.Url), input);
        }
        catch (ArgumentException ex)
        {
            WriteError(TotaraErrors.Create(ex, ErrorIds.InvalidParameter, ErrorCategory.InvalidArgument, input));
        }
    }

    /// <summary>Writes a user's assignments (or the one the query names), or an error naming what is missing.</summary>
    private void ForUser(TotaraSession session, JobAssignmentQuery query, object target)
    {
        try
        {
            var (jobs, missing, errorId) = Run(session.Client, ct => query.ReadAsync(session.Client.JobAssignments, session.Url, ct));
            if (missing is not null)
                WriteError(TotaraErrors.Create(new ItemNotFoundException(missing), errorId!, ErrorCategory.ObjectNotFound, target));
            foreach (var job in jobs) WriteObject(new TotaraJobAssignment(job, session.Url));
        }
        catch (Exception ex) when (IsRequestFailure(ex))
        {
            WriteRequestError(ex, target);
        }
    }

    /// <summary>Reads the whole list for assignments no cheaper query can find; an error when none matched.</summary>
    private void Scan(TotaraSession session, Func<JobAssignmentData, bool> match, string what, object target, int? stopAfter)
    {
        var written = WriteStreamOrError(session.Client, ct => session.Client.JobAssignments.FindAsync(match, stopAfter, ct),
            job => new TotaraJobAssignment(job, session.Url), target);
        if (written == 0)
            WriteError(TotaraErrors.Create(new ItemNotFoundException($"No job assignment with {what} on {session.Url}."),
                ErrorIds.JobAssignmentNotFound, ErrorCategory.ObjectNotFound, target));
    }

    private void List(TotaraSession session) =>
        WriteStreamOrError(session.Client, ct => session.Client.JobAssignments.ListAsync(new JobAssignmentListOptions { Descending = Descending.IsPresent }, ct),
            job => new TotaraJobAssignment(job, session.Url), session);
}

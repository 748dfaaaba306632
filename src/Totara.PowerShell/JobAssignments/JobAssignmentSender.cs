using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.JobAssignments;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.JobAssignments;

/// <summary>
/// How the job-assignment cmdlets send: records through the client's checked run
/// (<see cref="JobAssignmentsClient.RunCheckedAsync"/>),
/// each result written as a TotaraJobAssignment or as an error naming the record and the
/// parameter at fault.
/// </summary>
internal sealed class JobAssignmentSender : RecordSender<JobAssignmentRecord>
{
    private readonly bool _writesAssignment;

    /// <param name="writesAssignment">Whether a successful record writes its TotaraJobAssignment.</param>
    public JobAssignmentSender(bool writesAssignment) => _writesAssignment = writesAssignment;

    /// <inheritdoc />
    public override int BatchSize(TotaraSession session) => session.Client.JobAssignments.CheckedRunSize();

    /// <inheritdoc />
    public override async Task SendAsync(TotaraSession session, IReadOnlyList<JobAssignmentRecord> batch, CancellationToken ct)
    {
        var outcomes = await session.Client.JobAssignments.RunCheckedAsync(batch.Select(r => r.Request).ToList(), ct).ConfigureAwait(false);
        for (var i = 0; i < batch.Count; i++) batch[i].Outcome = outcomes[i];
    }

    /// <inheritdoc />
    public override IEnumerable<UniqueKey> UniqueKeys(TotaraSession session, JobAssignmentRecord record)
    {
        // One user's job once per input: "J1 (idnumber E1)"; by id, the id.
        var job = record.Assignment;
        var value = job.Id is long id ? "id " + id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : $"{job.IdNumber} ({job.User?.FieldName} {job.User?.Value})";
        yield return new UniqueKey("IdNumber", value, "IdNumber");
    }

    /// <inheritdoc />
    public override void Write(Cmdlet cmdlet, TotaraSession session, JobAssignmentRecord record)
    {
        var outcome = record.Outcome!;
        if (outcome.Result is not { } result)
        {
            cmdlet.WriteError(JobAssignmentRefusals.ErrorFor(record, outcome));
            return;
        }

        if (result.Succeeded)
        {
            if (_writesAssignment && result.JobAssignment is { } job) cmdlet.WriteObject(new TotaraJobAssignment(job, session.Url));
            else if (result.Kind == JobAssignmentOperationKind.Delete) cmdlet.WriteVerbose($"Deleted {record} ({result.Target}) on {session.Url}.");
            return;
        }

        var error = result.Error!;
        var field = ParameterOf(result.ErrorField);
        var (errorId, category) = error.AnswerLost
            ? (ErrorIds.OutcomeUnknown, ErrorCategory.OperationTimeout)
            : error.Outcome is { IsNotFound: true, Subject: "Job assignment" }
                ? (ErrorIds.JobAssignmentNotFound, ErrorCategory.ObjectNotFound)
                : (ErrorIds.RecordFailed, TotaraErrors.CategoryOf(error.Category) is var mapped && mapped != ErrorCategory.NotSpecified ? mapped : ErrorCategory.InvalidOperation);
        var problem = errorId == ErrorIds.JobAssignmentNotFound ? $"no job assignment matches {result.Target} on {session.Url}." : error.Explanation;
        cmdlet.WriteError(TotaraErrors.Create(new TotaraRecordException(record, problem, field, error.Category), errorId, category, record.Target, error.Category));
    }

    /// <summary>The cmdlet parameter (HR Import's column) of a job-assignment input field.</summary>
    private static string? ParameterOf(string? field) => field switch
    {
        "tempmanagerexpirydate" => "TempManagerExpiryDate",
        "tempmanager" => "TempManagerIdNumber",
        "manager" => "ManagerIdNumber",
        "appraiser" => "AppraiserIdNumber",
        "position" => "PositionIdNumber",
        "organisation" => "OrganisationIdNumber",
        "user" => "UserIdNumber",
        "startdate" => "StartDate",
        "idnumber" => "IdNumber",
        _ => null,
    };
}

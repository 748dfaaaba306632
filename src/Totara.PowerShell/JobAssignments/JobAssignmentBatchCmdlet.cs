using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client;
using Totara.Client.JobAssignments;
using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;
using Totara.PowerShell.Users;

namespace Totara.PowerShell.JobAssignments;

/// <summary>
/// Base of the cmdlets that create, change or delete job assignments in bulk: sends records
/// through <see cref="JobAssignmentBatchSender"/> and writes each result as a TotaraJobAssignment
/// or as an error naming the record and the parameter at fault.
/// </summary>
public abstract class JobAssignmentBatchCmdlet : BatchingCmdlet<JobAssignmentRecord, JobAssignmentOutcome>
{
    /// <summary>The user holding the assignment: a username, an id, an email or a TotaraUser.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [UserIdentityTransformation]
    [ValidateNotNull]
    public UserIdentity? User { get; set; }

    /// <summary>The idnumber of the user holding the assignment (HR Import's useridnumber).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? UserIdNumber { get; set; }

    /// <summary>The piped record (bound whole, so errors can point at it).</summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    private HashSet<string> _explicit = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Builds the operation for a record.</summary>
    private protected abstract BatchOperation BuildOperation(JobAssignmentsClient jobs, JobAssignmentRecord record);

    /// <summary>True for New-TotaraJobAssignment: a manager may be created earlier in the same batch.</summary>
    private protected virtual bool Creates => false;

    /// <summary>Whether a successful record writes its TotaraJobAssignment.</summary>
    protected virtual bool WritesAssignment => true;

    /// <inheritdoc />
    protected override void BeginProcessing()
    {
        // Only command-line parameters are bound yet: remember them to tell them from pipeline values.
        _explicit = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
        base.BeginProcessing();
    }

    /// <summary>The most records ordered (manager-first) together; the client splits them into requests in order.</summary>
    public const int OrderingWindow = 1000;

    /// <inheritdoc />
    /// <remarks>
    /// Several requests' worth: manager-first ordering and cycle checks work within one batch, so a
    /// wider batch lets a manager's row come further after their staff's rows. The requests still go
    /// one at a time, each sized to the complexity limit.
    /// </remarks>
    protected override int BatchSize(TotaraSession session) =>
        Math.Min(OrderingWindow, 10 * session.Client.JobAssignments.OperationsPerRequest());

    /// <inheritdoc />
    protected override Task<IReadOnlyList<JobAssignmentOutcome>> SendAsync(TotaraSession session, IReadOnlyList<JobAssignmentRecord> batch, CancellationToken ct) =>
        JobAssignmentBatchSender.SendAsync(session, batch, Creates, record => BuildOperation(session.Client.JobAssignments, record), ct);

    /// <inheritdoc />
    protected override bool Succeeded(JobAssignmentOutcome outcome) => outcome.Succeeded;

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, string>> UniqueKeys(JobAssignmentRecord record)
    {
        // One user's job once per input: "J1 (idnumber E1)"; by id, the id.
        var job = record.Assignment;
        var value = job.Id is long id ? "id " + id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : $"{job.IdNumber} ({job.User?.FieldName} {job.User?.Value})";
        yield return new KeyValuePair<string, string>("IdNumber", value);
    }

    /// <inheritdoc />
    protected override bool WriteResult(JobAssignmentRecord record, JobAssignmentOutcome outcome)
    {
        var session = ActiveSession!;
        if (outcome.Result is not { } result)
        {
            WriteError(TotaraErrors.Create(new TotaraRecordException(record, outcome.Problem!, outcome.Field), outcome.ErrorId!, outcome.Category, record.Target));
            return false;
        }

        if (result.Succeeded)
        {
            if (WritesAssignment && result.JobAssignment is { } job) WriteObject(new TotaraJobAssignment(job, session.Url));
            else if (result.Kind == JobAssignmentOperationKind.Delete) WriteVerbose($"Deleted {record} ({result.Target}) on {session.Url}.");
            return true;
        }

        var error = result.Error!;
        var field = ParameterOf(result.ErrorField);
        var (errorId, category) = error.AnswerLost
            ? (RecordErrorIds.OutcomeUnknown, ErrorCategory.OperationTimeout)
            : error.Outcome is { IsNotFound: true, Subject: "Job assignment" }
                ? (JobAssignmentErrorIds.JobAssignmentNotFound, ErrorCategory.ObjectNotFound)
                : (RecordErrorIds.RecordFailed, TotaraErrors.CategoryOf(error.Category) is var mapped && mapped != ErrorCategory.NotSpecified ? mapped : ErrorCategory.InvalidOperation);
        var problem = errorId == JobAssignmentErrorIds.JobAssignmentNotFound ? $"no job assignment matches {result.Target} on {session.Url}." : error.Explanation;
        WriteError(TotaraErrors.Create(new TotaraRecordException(record, problem, field, error.Category), errorId, category, record.Target, error.Category));
        return false;
    }

    /// <summary>True when the parameter was on the command line.</summary>
    private protected bool IsExplicit(string parameter) => _explicit.Contains(parameter);

    /// <summary>
    /// True when a parameter's value should be used: it was on the command line, or it came from a
    /// piped record (not a TotaraJobAssignment, which only names its assignment) and is not empty.
    /// </summary>
    private protected bool IsGiven(string parameter, object? value)
    {
        if (!MyInvocation.BoundParameters.ContainsKey(parameter)) return false;
        if (IsExplicit(parameter)) return true;
        if (InputObject?.BaseObject is TotaraJobAssignment) return false;
        return !JobAssignmentDate.IsEmpty(value);
    }

    /// <summary>The holder named by -UserIdNumber or -User (first as given); null with a problem when neither is.</summary>
    private protected UserReference? HolderOf(TotaraSession session, out string? problem)
    {
        problem = null;
        if (InputObject?.BaseObject is TotaraJobAssignment piped)
            return piped.HolderOn(session.Url);
        if (IsGiven(nameof(UserIdNumber), UserIdNumber) && !string.IsNullOrWhiteSpace(UserIdNumber)) return UserReference.ByIdNumber(UserIdNumber!);
        if (User is not null && MyInvocation.BoundParameters.ContainsKey(nameof(User))) return User.CandidatesFor(session.Url)[0];
        problem = "no user is named: give UserIdNumber (HR Import's useridnumber) or User.";
        return null;
    }

    /// <summary>
    /// The assignment an update or delete names: a piped TotaraJobAssignment (by id on its own site),
    /// -Id, or -IdNumber with the user. Null, with a label and the problem, when it names none.
    /// </summary>
    private protected JobAssignmentReference? TargetOf(TotaraSession session, long id, string? idNumber, out string label, out string? problem)
    {
        problem = null;
        if (InputObject?.BaseObject is TotaraJobAssignment piped && SameSite(piped.Site, session.Url))
        {
            label = $"job '{piped.IdNumber}' of {piped.Username ?? piped.UserIdNumber}";
            return JobAssignmentReference.ById(piped.Id);
        }
        if (id > 0 && MyInvocation.BoundParameters.ContainsKey("Id"))
        {
            label = $"job assignment id {id}";
            return JobAssignmentReference.ById(id);
        }
        label = string.IsNullOrWhiteSpace(idNumber) ? "(no job idnumber)" : $"job '{idNumber!.Trim()}'";
        if (string.IsNullOrWhiteSpace(idNumber))
        {
            problem = "no job assignment is named: give IdNumber with UserIdNumber (or User), or Id.";
            return null;
        }
        var holder = HolderOf(session, out problem);
        if (holder is null) return null;
        label = $"job '{idNumber!.Trim()}' of {holder}";
        return JobAssignmentReference.ByIdNumber(holder, idNumber);
    }

    /// <summary>Refuses a record before sending with one error naming the parameter.</summary>
    private protected void RefuseRecord(int number, string label, string problem, string? field)
    {
        var target = PipedInput ?? label;
        Refuse(new TotaraRecordException(new RefusedRecord(number, target, label), problem, field), target, RecordErrorIds.InvalidInput, ErrorCategory.InvalidData);
    }

    /// <summary>The object errors point at: the piped record, or null for parameters only.</summary>
    private protected object? PipedInput => InputObject is { } input && input.BaseObject is not string ? input : null;

    private protected static bool SameSite(Uri a, Uri b) =>
        string.Equals(a.AbsoluteUri.TrimEnd('/'), b.AbsoluteUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

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

    private sealed class RefusedRecord : BatchRecord
    {
        public RefusedRecord(int number, object? input, string label) : base(number, input, label) { }
    }
}

using System;
using System.Management.Automation;
using Totara.Client.JobAssignments;
using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;
using Totara.PowerShell.Users;

namespace Totara.PowerShell.JobAssignments;

/// <summary>
/// The fields New- and Set-TotaraJobAssignment share, bound by property name with HR Import's
/// job-assignment column names (fullname, posidnumber, orgidnumber, manageridnumber,
/// managerjobassignmentidnumber, appraiseridnumber, tempmanageridnumber, tempmanagerexpirydate,
/// startdate, enddate), and how they become a <see cref="JobAssignmentChange"/>.
/// </summary>
/// <remarks>
/// A value on the command line is always sent; an empty one clears the field. A value from a piped
/// record is sent when it is not empty (an empty CSV cell keeps what the site has).
/// </remarks>
public abstract class JobAssignmentFieldsCmdlet : BatchingCmdlet<JobAssignmentRecord>
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

    /// <summary>The current input as bound.</summary>
    private protected JobAssignmentInput Input => new(MyInvocation.BoundParameters, IsExplicit, InputObject, User, UserIdNumber);

    /// <summary>The assignment's full name, e.g. the job title.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? FullName { get; set; }

    /// <summary>The assignment's short name.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ShortName { get; set; }

    /// <summary>Start date: a DateTime, yyyy-MM-dd, dd/MM/yyyy or a Unix timestamp.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public object? StartDate { get; set; }

    /// <summary>End date: a DateTime, yyyy-MM-dd, dd/MM/yyyy or a Unix timestamp.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public object? EndDate { get; set; }

    /// <summary>The position's idnumber (HR Import's posidnumber).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("posidnumber")]
    public string? PositionIdNumber { get; set; }

    /// <summary>The organisation's idnumber (HR Import's orgidnumber).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("orgidnumber")]
    public string? OrganisationIdNumber { get; set; }

    /// <summary>The manager's user idnumber (HR Import's manageridnumber).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ManagerIdNumber { get; set; }

    /// <summary>The manager as a username, id, email or TotaraUser (instead of -ManagerIdNumber).</summary>
    [Parameter]
    [UserIdentityTransformation]
    [ValidateNotNull]
    public UserIdentity? Manager { get; set; }

    /// <summary>The idnumber of the manager's job assignment to manage through; without it, the manager's first.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ManagerJobAssignmentIdNumber { get; set; }

    /// <summary>The temporary manager's user idnumber (HR Import's tempmanageridnumber).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? TempManagerIdNumber { get; set; }

    /// <summary>The temporary manager as a username, id, email or TotaraUser.</summary>
    [Parameter]
    [UserIdentityTransformation]
    [ValidateNotNull]
    public UserIdentity? TempManager { get; set; }

    /// <summary>The idnumber of the temporary manager's job assignment; without it, their first.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? TempManagerJobAssignmentIdNumber { get; set; }

    /// <summary>When the temporary manager stops managing (required with a temporary manager; must be in the future).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public object? TempManagerExpiryDate { get; set; }

    /// <summary>The appraiser's user idnumber (HR Import's appraiseridnumber).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? AppraiserIdNumber { get; set; }

    /// <summary>The appraiser as a username, id, email or TotaraUser.</summary>
    [Parameter]
    [UserIdentityTransformation]
    [ValidateNotNull]
    public UserIdentity? Appraiser { get; set; }

    /// <summary>
    /// The change the given fields describe. Managers named without their job are left on the
    /// record (looked up before sending). Returns null, with the problem and its parameter, when a value is malformed.
    /// </summary>
    private protected JobAssignmentChange? BuildChange(TotaraSession session, JobAssignmentRecordBuilder record, out string? problem, out string? field)
    {
        problem = null;
        field = null;
        var change = new JobAssignmentChange();
        if (Input.IsGiven(nameof(FullName), FullName)) change.SetFullName(FullName);
        if (Input.IsGiven(nameof(ShortName), ShortName)) change.SetShortName(ShortName);
        if (Input.IsGiven(nameof(PositionIdNumber), PositionIdNumber)) change.SetPosition(PositionIdNumber);
        if (Input.IsGiven(nameof(OrganisationIdNumber), OrganisationIdNumber)) change.SetOrganisation(OrganisationIdNumber);

        foreach (var (parameter, value, set) in new (string, object?, Action<DateTimeOffset?>)[]
                 {
                     (nameof(StartDate), StartDate, d => change.SetStartDate(d)),
                     (nameof(EndDate), EndDate, d => change.SetEndDate(d)),
                     (nameof(TempManagerExpiryDate), TempManagerExpiryDate, d => change.SetTempManagerExpiry(d)),
                 })
        {
            if (!Input.IsGiven(parameter, value)) continue;
            if (JobAssignmentDate.IsEmpty(value))
            {
                set(null);
                continue;
            }
            var date = JobAssignmentDate.Parse(value, out problem);
            if (date is null)
            {
                field = parameter;
                return null;
            }
            set(date);
        }

        ReadPerson(session, nameof(AppraiserIdNumber), AppraiserIdNumber, nameof(Appraiser), Appraiser, out var appraiser, out var clearAppraiser);
        if (clearAppraiser) change.SetAppraiser(null);
        else if (appraiser is not null) change.SetAppraiser(appraiser);

        if (!ReadManager(session, change, record, temporary: false, out problem, out field)) return null;
        if (!ReadManager(session, change, record, temporary: true, out problem, out field)) return null;
        return change;
    }

    private bool ReadManager(TotaraSession session, JobAssignmentChange change, JobAssignmentRecordBuilder record, bool temporary, out string? problem, out string? field)
    {
        problem = null;
        field = null;
        var idParameter = temporary ? nameof(TempManagerIdNumber) : nameof(ManagerIdNumber);
        var userParameter = temporary ? nameof(TempManager) : nameof(Manager);
        var jobParameter = temporary ? nameof(TempManagerJobAssignmentIdNumber) : nameof(ManagerJobAssignmentIdNumber);
        var idNumber = temporary ? TempManagerIdNumber : ManagerIdNumber;
        var job = temporary ? TempManagerJobAssignmentIdNumber : ManagerJobAssignmentIdNumber;
        ReadPerson(session, idParameter, idNumber, userParameter, temporary ? TempManager : Manager, out var manager, out var clear);
        var parameter = Input.IsBound(userParameter) ? userParameter : idParameter;
        if (temporary) record.TempManagerParameter = parameter; else record.ManagerParameter = parameter;

        var jobGiven = Input.IsGiven(jobParameter, job) && !string.IsNullOrWhiteSpace(job);
        if (clear)
        {
            if (temporary) change.SetTempManager(null); else change.SetManager(null);
            return true;
        }
        if (manager is null)
        {
            if (!jobGiven) return true;
            problem = $"{jobParameter} '{job}' names the manager's job, but not the manager: give {idParameter} too.";
            field = idParameter;
            return false;
        }
        if (jobGiven)
        {
            var reference = JobAssignmentReference.ByIdNumber(manager, job!);
            if (temporary) change.SetTempManager(reference); else change.SetManager(reference);
        }
        else if (temporary) record.TempManagerWithoutJob = manager;
        else record.ManagerWithoutJob = manager;
        return true;
    }

    /// <summary>A person named by an idnumber parameter or a user parameter; an explicit empty idnumber means "clear".</summary>
    private void ReadPerson(TotaraSession session, string idParameter, string? idNumber, string userParameter, UserIdentity? user,
        out UserReference? person, out bool clear)
    {
        person = null;
        clear = false;
        if (user is not null && Input.IsBound(userParameter))
        {
            person = user.CandidatesFor(session.Url)[0];
            return;
        }
        if (!Input.IsGiven(idParameter, idNumber)) return;
        if (string.IsNullOrWhiteSpace(idNumber)) clear = true;
        else person = UserReference.ByIdNumber(idNumber!);
    }
}

/// <summary>What a record gathers while its input is read: the managers to look up and the parameters that named them.</summary>
internal sealed class JobAssignmentRecordBuilder
{
    public UserReference? ManagerWithoutJob { get; set; }

    public UserReference? TempManagerWithoutJob { get; set; }

    public string ManagerParameter { get; set; } = "ManagerIdNumber";

    public string TempManagerParameter { get; set; } = "TempManagerIdNumber";

    public JobAssignmentRecord Build(int number, object? input, string label, JobAssignmentRequest request)
    {
        request.ManagerWithoutJob = ManagerWithoutJob;
        request.TempManagerWithoutJob = TempManagerWithoutJob;
        return new JobAssignmentRecord(number, input, label, request) { ManagerParameter = ManagerParameter, TempManagerParameter = TempManagerParameter };
    }
}

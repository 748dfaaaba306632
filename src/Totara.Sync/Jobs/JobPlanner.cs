using System;
using System.Collections.Generic;
using System.Linq;
using Totara.Client.JobAssignments;
using Totara.Client.Users;

namespace Totara.Sync;

/// <summary>
/// Plans job assignments: each row's job is created or updated (only the fields that differ),
/// managers named by user idnumber (and optionally the manager's job idnumber, else the manager's
/// job in the source, else their first on the site), creates ordered manager-first.
/// </summary>
internal sealed class JobPlanner
{
    private readonly SyncOptions _options;
    private readonly SiteJobs _siteJobs;
    private readonly SourceValidation _source;
    private readonly Dictionary<string, SourceUser> _sourceByIdNumber = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SiteUser> _siteByIdNumber = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SyncChange> _creates = new();
    private readonly List<SyncChange> _updates = new();

    public JobPlanner(SourceValidation source, IReadOnlyCollection<SiteUser> siteUsers, SiteJobs siteJobs, SyncOptions options)
    {
        _options = options;
        _siteJobs = siteJobs;
        _source = source;
        foreach (var row in source.Valid)
            if (row.Get(SyncFields.IdNumber) is { Length: > 0 } id) _sourceByIdNumber[id] = row;
        foreach (var user in siteUsers)
            if (user.Get(SyncFields.IdNumber) is { Length: > 0 } id && !_siteByIdNumber.ContainsKey(id)) _siteByIdNumber[id] = user;
    }

    /// <summary>What is wrong with the row's manager or appraiser (null when nothing is): checked before the row is planned.</summary>
    public (string Field, string Message)? Check(SourceUser row)
    {
        if (row.Job is not { } job) return null;
        if (job.HasManager && ManagerJob(job) is null)
        {
            var known = _sourceByIdNumber.ContainsKey(job.ManagerIdNumber!) || _siteByIdNumber.ContainsKey(job.ManagerIdNumber!);
            return ("manageridnumber", known
                ? $"manager '{job.ManagerIdNumber}' has no job assignment{(string.IsNullOrEmpty(job.ManagerJobIdNumber) ? "" : $" '{job.ManagerJobIdNumber}'")} in the source or on the site."
                : Unknown("manager", job.ManagerIdNumber!));
        }
        if (job.AppraiserIdNumber is { Length: > 0 } appraiser && !_sourceByIdNumber.ContainsKey(appraiser) && !_siteByIdNumber.ContainsKey(appraiser))
            return ("appraiseridnumber", Unknown("appraiser", appraiser));
        return null;
    }

    /// <summary>Why a manager or appraiser cannot be found: their own row was refused (fix that one first), or they are nowhere.</summary>
    private string Unknown(string role, string idNumber) =>
        _source.IsProtected(SyncFields.IdNumber, idNumber)
            ? $"{role} '{idNumber}' is in the source, but that row was refused (see its error); fix it and this row follows."
            : $"{role} '{idNumber}' is not in the source or on the site.";

    /// <summary>Plans the row's job for an existing user, or for one created by <paramref name="create"/>.</summary>
    public void Plan(SourceUser row, string key, SiteUser? user, SyncChange? create)
    {
        if (row.Job is not { IdNumber: { Length: > 0 } jobId } job) return;
        var existing = user is null ? null : _siteJobs.Find(user.Id, jobId);
        var (change, fields) = Compare(job, existing);
        if (existing is not null && change is null) return;
        var planned = new SyncChange(existing is null ? SyncAction.CreateJobAssignment : SyncAction.UpdateJobAssignment, SyncRecordType.JobAssignment,
            key, existing is null ? $"the user has no job assignment '{jobId}'" : "job assignment fields differ from the source", row)
        {
            Job = jobId, Fields = fields, JobChange = change ?? new JobAssignmentChange(), JobId = existing?.Id,
            UserId = user?.Id, Username = user?.Username ?? create?.Username, DependsOn = create,
        };
        (existing is null ? _creates : _updates).Add(planned);
    }

    /// <summary>The planned job changes: creates manager-first, then updates.</summary>
    public IEnumerable<SyncChange> Changes()
    {
        var ordered = ManagerOrdering.Order(_creates,
            c => new JobAssignmentKey(UserKey(c.Source!), c.Job),
            c => c.Source!.Job!.HasManager ? new[] { new JobAssignmentKey(c.Source.Job.ManagerIdNumber!.ToLowerInvariant(), ManagerJob(c.Source.Job)) } : Array.Empty<JobAssignmentKey>());
        // Cycles were refused while validating; any left (through site managers) still go, last.
        return ordered.Ordered.Concat(ordered.Cycles.SelectMany(c => c)).Concat(_updates);
    }

    private (JobAssignmentChange? Change, List<FieldChange> Fields) Compare(SourceJob job, JobAssignmentData? site)
    {
        JobAssignmentChange? change = null;
        var fields = new List<FieldChange>();
        var erase = _options.EmptyFieldAction == EmptyFieldAction.Erase || site is null;
        void Text(string name, string? wanted, string? current, Action<JobAssignmentChange, string?> set)
        {
            if (wanted is null || (wanted.Length == 0 && !erase) || string.Equals(wanted, current ?? "", StringComparison.Ordinal)) return;
            if (wanted.Length == 0 && site is null) return;
            set(change ??= new JobAssignmentChange(), wanted);
            fields.Add(new FieldChange(name, current, wanted));
        }
        void Date(string name, string? wanted, DateTimeOffset? current, Action<JobAssignmentChange, DateTimeOffset?> set)
        {
            if (wanted is null || (wanted.Length == 0 && !erase) || !SourceJob.TryParseDate(wanted, out var date)) return;
            if (date?.ToUnixTimeSeconds() == current?.ToUnixTimeSeconds() || (date is null && site is null)) return;
            set(change ??= new JobAssignmentChange(), date);
            fields.Add(new FieldChange(name, current?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        }

        Text("jobassignmentfullname", job.FullName, site?.FullName, (c, v) => c.SetFullName(v));
        Date("jobassignmentstartdate", job.StartDate, site?.StartDate, (c, v) => c.SetStartDate(v));
        Date("jobassignmentenddate", job.EndDate, site?.EndDate, (c, v) => c.SetEndDate(v));
        Text("posidnumber", job.Position, site?.PositionIdNumber, (c, v) => c.SetPosition(v));
        Text("orgidnumber", job.Organisation, site?.OrganisationIdNumber, (c, v) => c.SetOrganisation(v));
        Text("appraiseridnumber", job.AppraiserIdNumber, site?.Appraiser?.IdNumber,
            (c, v) => c.SetAppraiser(string.IsNullOrEmpty(v) ? null : UserReference.ByIdNumber(v!)));
        if (job.ManagerIdNumber is { } manager)
        {
            var managerJob = manager.Length == 0 ? null : ManagerJob(job);
            var wanted = manager.Length == 0 ? "" : $"{manager}/{managerJob}";
            var current = site?.Manager is { } m ? $"{m.IdNumber}/{site.ManagerJobAssignmentIdNumber}" : "";
            Text("manager", wanted, current, (c, _) => c.SetManager(managerJob is null ? null : JobAssignmentReference.ByIdNumber(UserReference.ByIdNumber(manager), managerJob)));
        }
        return (change, fields);
    }

    /// <summary>The idnumber of the manager's job: as named, else the manager's job in the source, else their first on the site.</summary>
    private string? ManagerJob(SourceJob job)
    {
        if (!string.IsNullOrEmpty(job.ManagerJobIdNumber)) return job.ManagerJobIdNumber;
        if (_sourceByIdNumber.TryGetValue(job.ManagerIdNumber!, out var row) && row.Job is { IdNumber: { Length: > 0 } id }) return id;
        return _siteByIdNumber.TryGetValue(job.ManagerIdNumber!, out var user) ? _siteJobs.First(user.Id)?.IdNumber : null;
    }

    private static string UserKey(SourceUser row) => row.Get(SyncFields.IdNumber)!.ToLowerInvariant();
}

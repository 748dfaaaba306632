using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain.Jobs;

/// <summary>
/// totara_job_create/update/delete_job_assignment with Totara's rules and messages (its
/// resolver helper and job_assignment class): idnumber unique per user, positions and
/// organisations by reference, manager and temporary manager by job-assignment reference,
/// no one as their own manager or appraiser, no management loops, temporary managers need a
/// future expiry date, start not after end.
/// </summary>
public sealed class JobAssignmentService
{
    public const string UserNotFound = "The user does not exist or you do not have permission to create a job assignment.";
    public const string ManagementLoop = "Tried to create a manager path loop in job_assignment::calculate_managerjapath";

    private readonly EmulatorState _state;

    public JobAssignmentService(EmulatorState state)
    {
        _state = state;
    }

    private JobAssignmentStore Jobs => _state.Jobs;

    public JobAssignmentRecord Create(IReadOnlyDictionary<string, object?> input)
    {
        UserRecord user;
        try
        {
            user = _state.ResolveUser(GraphInput.AsObject(GraphInput.Get(input, "user")));
        }
        catch (TotaraApiException)
        {
            throw new TotaraApiException(UserNotFound);
        }

        lock (Jobs.Gate)
        {
            var idNumber = GraphInput.String(input, "idnumber");
            var job = new JobAssignmentRecord { Id = Jobs.NextId(), UserId = user.Id, TimeCreated = Now(), TimeModified = Now() };
            var changes = ReadChanges(job, user, input);
            if (string.IsNullOrEmpty(idNumber))
            {
                throw new TotaraApiException("ID Number is required when creating new job assignment");
            }

            if (Jobs.ForUser(user.Id).Any(j => j.IdNumber == idNumber))
            {
                throw new TotaraApiException("Tried to create job assignment idnumber which is not unique for this user");
            }

            job.IdNumber = idNumber;
            job.SortOrder = Jobs.ForUser(user.Id).Select(j => j.SortOrder).DefaultIfEmpty(0).Max() + 1;
            changes(job);
            Jobs.Add(job);
            return job;
        }
    }

    public JobAssignmentRecord Update(IReadOnlyDictionary<string, object?>? target, IReadOnlyDictionary<string, object?> input)
    {
        var job = Jobs.Resolve(_state, target);
        var user = _state.Users.GetById(job.UserId) ?? throw new TotaraApiException("Job assignment user reference not found");
        lock (Jobs.Gate)
        {
            var changes = ReadChanges(job, user, input);
            if (input.ContainsKey("idnumber"))
            {
                var idNumber = GraphInput.String(input, "idnumber");
                if (string.IsNullOrEmpty(idNumber))
                {
                    throw new TotaraApiException("Tried to update job assignment idnumber to an empty value which is not allowed");
                }

                if (idNumber != job.IdNumber && Jobs.ForUser(job.UserId).Any(j => j.IdNumber == idNumber))
                {
                    throw new TotaraApiException("Tried to update job assignment to an idnumber which is not unique for this user");
                }
            }

            Jobs.Update(job, j =>
            {
                if (GraphInput.String(input, "idnumber") is { } idNumber)
                {
                    j.IdNumber = idNumber;
                }

                changes(j);
                j.TimeModified = Now();
            });
            return job;
        }
    }

    public long Delete(IReadOnlyDictionary<string, object?>? target)
    {
        var job = Jobs.Resolve(_state, target);
        Jobs.Remove(job, Now());
        return job.Id;
    }

    /// <summary>
    /// Validates every field the input carries and returns the change to apply. A key present
    /// with null clears the field (as Totara's array_key_exists checks do); an absent key keeps it.
    /// </summary>
    private Action<JobAssignmentRecord> ReadChanges(JobAssignmentRecord job, UserRecord user, IReadOnlyDictionary<string, object?> input)
    {
        var change = new List<Action<JobAssignmentRecord>>();
        if (input.ContainsKey("fullname"))
        {
            var value = GraphInput.String(input, "fullname");
            change.Add(j => j.FullName = value);
        }

        if (input.ContainsKey("shortname"))
        {
            var value = GraphInput.String(input, "shortname");
            change.Add(j => j.ShortName = value);
        }

        if (input.ContainsKey("position"))
        {
            var reference = GraphInput.AsObject(GraphInput.Get(input, "position"));
            var positionId = reference is null || reference.Count == 0 ? (long?)null : _state.Positions.Resolve(reference).Id;
            change.Add(j => j.PositionId = positionId);
        }

        if (input.ContainsKey("organisation"))
        {
            var reference = GraphInput.AsObject(GraphInput.Get(input, "organisation"));
            var organisationId = reference is null || reference.Count == 0 ? (long?)null : _state.Organisations.Resolve(reference).Id;
            change.Add(j => j.OrganisationId = organisationId);
        }

        var start = input.ContainsKey("start_date") ? GraphInput.Date(input, "start_date") : job.StartDate;
        var end = input.ContainsKey("end_date") ? GraphInput.Date(input, "end_date") : job.EndDate;
        if (GraphInput.Has(input, "start_date") && GraphInput.Has(input, "end_date") && start > end)
        {
            throw new TotaraApiException("The start date can not be later than the end date.");
        }

        change.Add(j => { j.StartDate = start; j.EndDate = end; });
        ReadManagers(job, user, input, change);
        ReadAppraiser(user, input, change);
        return j => change.ForEach(apply => apply(j));
    }

    private void ReadManagers(JobAssignmentRecord job, UserRecord user, IReadOnlyDictionary<string, object?> input, List<Action<JobAssignmentRecord>> change)
    {
        if (input.ContainsKey("manager"))
        {
            var reference = GraphInput.AsObject(GraphInput.Get(input, "manager"));
            long? managerId = null;
            if (reference is { Count: > 0 })
            {
                var manager = Jobs.Resolve(_state, reference, "Manager");
                if (manager.UserId == user.Id)
                {
                    throw new TotaraApiException("The user cannot be assigned as their own manager.");
                }

                RefuseLoop(job.Id, manager);
                managerId = manager.Id;
            }

            change.Add(j => j.ManagerJaId = managerId);
        }

        var expiry = GraphInput.Date(input, "temp_manager_expiry_date");
        if (input.ContainsKey("temp_manager"))
        {
            var reference = GraphInput.AsObject(GraphInput.Get(input, "temp_manager"));
            if (reference is not { Count: > 0 })
            {
                change.Add(j => { j.TempManagerJaId = null; j.TempManagerExpiryDate = null; });
                return;
            }

            if (expiry is null)
            {
                throw new TotaraApiException("A temporary manager expiry date is required.");
            }

            var tempManager = Jobs.Resolve(_state, reference, "Temporary manager");
            if (tempManager.UserId == user.Id)
            {
                throw new TotaraApiException("The user cannot be assigned as their own temporary manager.");
            }

            change.Add(j => j.TempManagerJaId = tempManager.Id);
        }

        if (expiry is not null)
        {
            if (expiry < Now())
            {
                throw new TotaraApiException("The temporary manager expiry date can not be in the past.");
            }

            if (!input.ContainsKey("temp_manager") && job.TempManagerJaId is null)
            {
                throw new TotaraApiException("Temporary manager and expiry date must either both be provided or both be empty in job_assignment::update_internal");
            }

            change.Add(j => j.TempManagerExpiryDate = expiry);
        }
    }

    private void ReadAppraiser(UserRecord user, IReadOnlyDictionary<string, object?> input, List<Action<JobAssignmentRecord>> change)
    {
        if (!input.ContainsKey("appraiser"))
        {
            return;
        }

        var reference = GraphInput.AsObject(GraphInput.Get(input, "appraiser"));
        long? appraiserId = null;
        if (reference is { Count: > 0 })
        {
            var appraiser = _state.ResolveUser(reference, "Appraiser");
            if (appraiser.Id == UserStore.GuestId || appraiser.Username == "guest")
            {
                throw new TotaraApiException("Guest user can not be specified for Appraiser.");
            }

            if (appraiser.Id == user.Id)
            {
                throw new TotaraApiException("The user can not be their own appraiser!");
            }

            appraiserId = appraiser.Id;
        }

        change.Add(j => j.AppraiserId = appraiserId);
    }

    /// <summary>Walks up the new manager's chain: meeting the job itself would close a loop.</summary>
    private void RefuseLoop(long jobId, JobAssignmentRecord manager)
    {
        var seen = new HashSet<long>();
        for (var current = manager; current is not null && seen.Add(current.Id); current = Jobs.Get(current.ManagerJaId))
        {
            if (current.Id == jobId)
            {
                throw new TotaraApiException(ManagementLoop);
            }
        }
    }

    // The emulator's clock, as for users (a test or --clock moves both together).
    private long Now() => LearningClock.Now(_state);
}

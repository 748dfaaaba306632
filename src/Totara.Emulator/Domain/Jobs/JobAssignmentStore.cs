using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain.Jobs;

/// <summary>
/// Job assignments indexed by id, by user, and by manager / temporary manager assignment (so
/// staff counts and "clear the staff's manager" are O(staff)). Ids only grow, so the id index
/// in insertion order is also the paging order. Thread-safe through one lock, which
/// <see cref="JobAssignmentService"/> holds across a whole check-then-write.
/// </summary>
public sealed class JobAssignmentStore
{
    private readonly Dictionary<long, JobAssignmentRecord> _byId = new();
    private readonly SortedSet<long> _ids = new();
    private readonly Dictionary<long, List<JobAssignmentRecord>> _byUser = new();
    private readonly Dictionary<long, HashSet<long>> _staff = new();
    private readonly Dictionary<long, HashSet<long>> _tempStaff = new();
    private readonly Dictionary<string, List<JobAssignmentRecord>> _byIdNumber = new(StringComparer.Ordinal);
    private long _nextId = 1;

    public object Gate { get; } = new();

    public long NextId()
    {
        lock (Gate)
        {
            return _nextId++;
        }
    }

    public void Add(JobAssignmentRecord job)
    {
        lock (Gate)
        {
            _byId.Add(job.Id, job);
            _ids.Add(job.Id);
            (_byUser.TryGetValue(job.UserId, out var list) ? list : _byUser[job.UserId] = new List<JobAssignmentRecord>()).Add(job);
            Link(job);
        }
    }

    public JobAssignmentRecord? Get(long? id)
    {
        lock (Gate)
        {
            return id is { } key && _byId.TryGetValue(key, out var job) ? job : null;
        }
    }

    /// <summary>The user's job assignments in their sort order.</summary>
    public IReadOnlyList<JobAssignmentRecord> ForUser(long userId)
    {
        lock (Gate)
        {
            return _byUser.TryGetValue(userId, out var list) ? list.OrderBy(j => j.SortOrder).ToList() : Array.Empty<JobAssignmentRecord>();
        }
    }

    public int Count
    {
        get
        {
            lock (Gate)
            {
                return _byId.Count;
            }
        }
    }

    public int StaffCount(long jobId)
    {
        lock (Gate)
        {
            return _staff.TryGetValue(jobId, out var set) ? set.Count : 0;
        }
    }

    public int TempStaffCount(long jobId)
    {
        lock (Gate)
        {
            return _tempStaff.TryGetValue(jobId, out var set) ? set.Count : 0;
        }
    }

    /// <summary>Up to <paramref name="take"/> assignments after <paramref name="afterId"/> in id order (O(log n + page)).</summary>
    public List<JobAssignmentRecord> Page(long? afterId, bool descending, int take)
    {
        lock (Gate)
        {
            IEnumerable<long> ids = descending
                ? (afterId is { } before ? _ids.GetViewBetween(long.MinValue, before - 1).Reverse() : _ids.Reverse())
                : (afterId is { } after ? _ids.GetViewBetween(after + 1, long.MaxValue) : _ids);
            return ids.Take(take).Select(id => _byId[id]).ToList();
        }
    }

    /// <summary>Applies a change and re-links manager indexes around it.</summary>
    public void Update(JobAssignmentRecord job, Action<JobAssignmentRecord> change)
    {
        lock (Gate)
        {
            Unlink(job);
            change(job);
            Link(job);
        }
    }

    /// <summary>
    /// Removes an assignment. As Totara does, staff managed through it lose their manager
    /// (and temporary manager) link.
    /// </summary>
    public void Remove(JobAssignmentRecord job, long now)
    {
        lock (Gate)
        {
            foreach (var staffId in (_staff.TryGetValue(job.Id, out var staff) ? staff.ToList() : new List<long>()))
            {
                Update(_byId[staffId], s => { s.ManagerJaId = null; s.TimeModified = now; });
            }

            foreach (var staffId in (_tempStaff.TryGetValue(job.Id, out var temp) ? temp.ToList() : new List<long>()))
            {
                Update(_byId[staffId], s => { s.TempManagerJaId = null; s.TempManagerExpiryDate = null; s.TimeModified = now; });
            }

            Unlink(job);
            _byId.Remove(job.Id);
            _ids.Remove(job.Id);
            _byUser[job.UserId].Remove(job);
            _staff.Remove(job.Id);
            _tempStaff.Remove(job.Id);
        }
    }

    /// <summary>Removes every assignment of a (deleted) user.</summary>
    public void DeleteAllForUser(long userId)
    {
        lock (Gate)
        {
            foreach (var job in ForUser(userId))
            {
                Remove(job, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
            }
        }
    }

    /// <summary>
    /// Totara's job_assignment_reference: id / idnumber / user (resolved to a user id first);
    /// every column given must match, exactly one assignment must.
    /// </summary>
    public JobAssignmentRecord Resolve(EmulatorState state, IReadOnlyDictionary<string, object?>? reference, string entityName = "Job assignment")
    {
        var id = GraphInput.Has(reference, "id") ? GraphInput.String(reference, "id") : null;
        var idNumber = GraphInput.Has(reference, "idnumber") ? GraphInput.String(reference, "idnumber") : null;
        var userReference = GraphInput.AsObject(GraphInput.Get(reference, "user"));
        if (id is null && idNumber is null && userReference is null)
        {
            throw new TotaraApiException(entityName + " reference columns are not being passed.");
        }

        var userId = userReference is null ? (long?)null : state.ResolveUser(userReference).Id;
        lock (Gate)
        {
            IEnumerable<JobAssignmentRecord> candidates = id is not null
                ? (long.TryParse(id, out var key) && _byId.TryGetValue(key, out var byId) ? new[] { byId } : Array.Empty<JobAssignmentRecord>())
                : userId is not null
                    ? (_byUser.TryGetValue(userId.Value, out var own) ? own : Enumerable.Empty<JobAssignmentRecord>())
                    : (_byIdNumber.TryGetValue(idNumber!, out var same) ? same : Enumerable.Empty<JobAssignmentRecord>());
            var matches = candidates
                .Where(j => (idNumber is null || j.IdNumber == idNumber) && (userId is null || j.UserId == userId))
                .Take(2).ToList();
            return matches.Count switch
            {
                1 => matches[0],
                0 => throw new TotaraApiException(entityName + " reference not found"),
                _ => throw new TotaraApiException(entityName + " reference must resolve one record only"),
            };
        }
    }

    private void Link(JobAssignmentRecord job)
    {
        (_byIdNumber.TryGetValue(job.IdNumber, out var named) ? named : _byIdNumber[job.IdNumber] = new List<JobAssignmentRecord>(1)).Add(job);
        if (job.ManagerJaId is { } manager)
        {
            (_staff.TryGetValue(manager, out var set) ? set : _staff[manager] = new HashSet<long>()).Add(job.Id);
        }

        if (job.TempManagerJaId is { } temp)
        {
            (_tempStaff.TryGetValue(temp, out var set) ? set : _tempStaff[temp] = new HashSet<long>()).Add(job.Id);
        }
    }

    private void Unlink(JobAssignmentRecord job)
    {
        if (_byIdNumber.TryGetValue(job.IdNumber, out var named))
        {
            named.Remove(job);
        }

        if (job.ManagerJaId is { } manager && _staff.TryGetValue(manager, out var set))
        {
            set.Remove(job.Id);
        }

        if (job.TempManagerJaId is { } temp && _tempStaff.TryGetValue(temp, out var tempSet))
        {
            tempSet.Remove(job.Id);
        }
    }
}

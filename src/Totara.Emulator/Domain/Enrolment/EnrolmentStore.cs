namespace Totara.Emulator.Domain.Enrolment;

/// <summary>
/// Enrolment instances per course and user enrolments per instance. All reads and writes go
/// through one lock so that an enrol and an is-enrolled check never see half a change.
/// </summary>
public sealed class EnrolmentStore
{
    private readonly object _gate = new();
    private readonly Dictionary<long, EnrolInstance> _instances = new();
    private readonly Dictionary<long, List<EnrolInstance>> _instancesByCourse = new();
    private readonly Dictionary<(long EnrolId, long UserId), UserEnrolment> _userEnrolments = new();
    private long _nextInstanceId = 1;
    private long _nextUserEnrolmentId = 1;

    public EnrolInstance AddInstance(long courseId, string enrol, EnrolInstanceStatus status = EnrolInstanceStatus.Enabled)
    {
        lock (_gate)
        {
            var list = _instancesByCourse.TryGetValue(courseId, out var existing) ? existing : _instancesByCourse[courseId] = new();
            var instance = new EnrolInstance { Id = _nextInstanceId++, CourseId = courseId, Enrol = enrol, Status = status, SortOrder = list.Count };
            list.Add(instance);
            _instances.Add(instance.Id, instance);
            return instance;
        }
    }

    public EnrolInstance? GetInstance(long id)
    {
        lock (_gate)
        {
            return _instances.GetValueOrDefault(id);
        }
    }

    public List<EnrolInstance> InstancesOf(long courseId)
    {
        lock (_gate)
        {
            return _instancesByCourse.TryGetValue(courseId, out var list) ? list.ToList() : new List<EnrolInstance>();
        }
    }

    /// <summary>The course's first enabled manual enrolment instance, if any.</summary>
    /// <summary>The course's first enabled instance, whatever its plugin (enrol_get_instances($courseid, true) order).</summary>
    public EnrolInstance? FirstEnabledInstance(long courseId)
    {
        lock (_gate)
        {
            return _instancesByCourse.TryGetValue(courseId, out var list)
                ? list.FirstOrDefault(i => i.Status == EnrolInstanceStatus.Enabled)
                : null;
        }
    }

    public EnrolInstance? EnabledManualInstance(long courseId)
    {
        lock (_gate)
        {
            return _instancesByCourse.TryGetValue(courseId, out var list)
                ? list.FirstOrDefault(i => i.Enrol == "manual" && i.Status == EnrolInstanceStatus.Enabled)
                : null;
        }
    }

    public UserEnrolment? Get(long enrolId, long userId)
    {
        lock (_gate)
        {
            return _userEnrolments.GetValueOrDefault((enrolId, userId))?.Copy();
        }
    }

    /// <summary>
    /// Creates or changes the user's enrolment in the instance under the store's lock, and says
    /// whether the user had any enrolment in the course just before, so that answer and the
    /// change are one atomic step. Returns a copy: later changes do not show through it.
    /// </summary>
    public UserEnrolment Upsert(EnrolInstance instance, long userId, Action<UserEnrolment, bool> apply, long now, out bool wasEnrolled)
    {
        lock (_gate)
        {
            wasEnrolled = HasAnyEnrolment(instance.CourseId, userId);
            var isNew = !_userEnrolments.TryGetValue((instance.Id, userId), out var enrolment);
            enrolment ??= new UserEnrolment { Id = _nextUserEnrolmentId++, EnrolId = instance.Id, UserId = userId, TimeCreated = now };
            apply(enrolment, isNew);
            _userEnrolments[(instance.Id, userId)] = enrolment;
            return enrolment.Copy();
        }
    }

    public UserEnrolment Upsert(EnrolInstance instance, long userId, Action<UserEnrolment, bool> apply, long now) =>
        Upsert(instance, userId, apply, now, out _);

    public bool Remove(long enrolId, long userId)
    {
        lock (_gate)
        {
            return _userEnrolments.Remove((enrolId, userId));
        }
    }

    /// <summary>Whether the user has any enrolment in the course, whatever its status (Totara's is_enrolled).</summary>
    public bool HasAnyEnrolment(long courseId, long userId) => EnrolmentsIn(courseId, userId).Count > 0;

    /// <summary>
    /// Whether the user is actively enrolled now (Totara's is_enrolled with onlyactive): an active
    /// user enrolment, in an enabled instance, started and not yet ended.
    /// </summary>
    public bool IsActivelyEnrolled(long courseId, long userId, long now)
    {
        lock (_gate)
        {
            return EnrolmentsIn(courseId, userId).Any(ue =>
                ue.Status == UserEnrolmentStatus.Active &&
                _instances[ue.EnrolId].Status == EnrolInstanceStatus.Enabled &&
                ue.TimeStart <= now &&
                (ue.TimeEnd == 0 || ue.TimeEnd > now));
        }
    }

    public List<UserEnrolment> EnrolmentsIn(long courseId, long userId)
    {
        lock (_gate)
        {
            if (!_instancesByCourse.TryGetValue(courseId, out var instances))
            {
                return new List<UserEnrolment>();
            }

            return instances
                .Select(i => _userEnrolments.GetValueOrDefault((i.Id, userId)))
                .OfType<UserEnrolment>()
                .ToList();
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _userEnrolments.Count;
            }
        }
    }
}

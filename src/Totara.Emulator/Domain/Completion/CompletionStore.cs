namespace Totara.Emulator.Domain.Completion;

/// <summary>Course completion records keyed by (user, course). Thread-safe through one lock.</summary>
public sealed class CompletionStore
{
    private readonly object _gate = new();
    private readonly Dictionary<(long UserId, long CourseId), CompletionRecord> _records = new();
    private long _nextId = 1;

    public CompletionRecord? Get(long userId, long courseId)
    {
        lock (_gate)
        {
            return _records.GetValueOrDefault((userId, courseId));
        }
    }

    /// <summary>Records a user's state in a course, replacing any earlier record's values.</summary>
    public CompletionRecord Set(long userId, long courseId, CompletionStatus status, double progress,
        long timeEnrolled, long timeStarted = 0, long timeCompleted = 0, double? gradeFinal = null)
    {
        if (progress is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(progress), progress, "Progress is a percentage from 0 to 100.");
        }

        lock (_gate)
        {
            if (!_records.TryGetValue((userId, courseId), out var record))
            {
                record = new CompletionRecord { Id = _nextId++, UserId = userId, CourseId = courseId };
                _records.Add((userId, courseId), record);
            }

            record.Status = status;
            record.Progress = progress;
            record.TimeEnrolled = timeEnrolled;
            record.TimeStarted = timeStarted;
            record.TimeCompleted = timeCompleted;
            record.GradeFinal = gradeFinal;
            return record;
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _records.Count;
            }
        }
    }
}

namespace Totara.Emulator.Domain.Goals;

/// <summary>
/// Perform goals by id. Callers get copies and change goals through <see cref="Update"/>, so a
/// concurrent reader never sees a half-applied change. Thread-safe through one lock.
/// </summary>
public sealed class GoalStore
{
    private readonly object _gate = new();
    private readonly Dictionary<long, GoalRecord> _goals = new();
    private long _nextId = 1;

    /// <summary>Adds a goal after <paramref name="check"/> passes under the lock (used for id_number uniqueness).</summary>
    public GoalRecord Add(Action<GoalRecord> init, Action<GoalStore>? check = null)
    {
        lock (_gate)
        {
            check?.Invoke(this);
            var goal = new GoalRecord { Id = _nextId };
            init(goal);
            _nextId++;
            _goals.Add(goal.Id, goal);
            return goal.Copy();
        }
    }

    public GoalRecord? Get(long id)
    {
        lock (_gate)
        {
            return _goals.TryGetValue(id, out var goal) ? goal.Copy() : null;
        }
    }

    /// <summary>Goals matching every given key (AND), as Totara's goal reference lookup does.</summary>
    public List<GoalRecord> Find(long? id, string? idNumber)
    {
        lock (_gate)
        {
            return _goals.Values
                .Where(g => (id is null || g.Id == id) && (idNumber is null || g.IdNumber == idNumber))
                .Select(g => g.Copy())
                .ToList();
        }
    }

    public bool IdNumberExists(string idNumber)
    {
        lock (_gate)
        {
            return _goals.Values.Any(g => g.IdNumber == idNumber);
        }
    }

    /// <summary>Applies a validated change to the stored goal and returns the new state.</summary>
    public GoalRecord Update(long id, Action<GoalRecord> change, Action<GoalStore>? check = null)
    {
        lock (_gate)
        {
            check?.Invoke(this);
            var goal = _goals[id];
            change(goal);
            return goal.Copy();
        }
    }

    public bool Delete(long id)
    {
        lock (_gate)
        {
            return _goals.Remove(id);
        }
    }

    public List<GoalRecord> ForUser(long userId)
    {
        lock (_gate)
        {
            return _goals.Values.Where(g => g.UserId == userId).Select(g => g.Copy()).ToList();
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _goals.Count;
            }
        }
    }
}

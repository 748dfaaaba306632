namespace Totara.Emulator.Domain;

/// <summary>
/// The site's users, indexed by id, username, idnumber and email (case-insensitive, as Totara
/// compares them) so every lookup is O(1). Deleted users stay in the id index only: they no
/// longer match a reference and vanish from lists. Thread-safe through one lock.
/// </summary>
public sealed class UserStore
{
    public const long GuestId = 1;
    public const long AdminId = 2;

    private readonly object _gate = new();
    private readonly Dictionary<long, UserRecord> _byId = new();
    private readonly Dictionary<string, UserRecord> _byUsername = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<UserRecord>> _byIdNumber = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<UserRecord>> _byEmail = new(StringComparer.OrdinalIgnoreCase);
    // Ids only grow, so appending keeps this list sorted: paging seeks into it by binary search
    // instead of sorting every user on every page.
    private readonly List<long> _idsInOrder = new();
    private int _liveCount;
    private int _suspendedCount;
    private long _nextId = 1;

    public UserStore()
    {
        Add(new UserRecord { Id = NextId(), Username = "guest", FirstName = "Guest user", LastName = " ", Email = "root@localhost" });
        Add(new UserRecord { Id = NextId(), Username = "admin", FirstName = "Admin", LastName = "User", Email = "admin@example.com", HasPassword = true });
    }

    public object Gate => _gate;

    public long NextId()
    {
        lock (_gate)
        {
            return _nextId++;
        }
    }

    public long EnsureServiceAccount(string username)
    {
        lock (_gate)
        {
            if (_byUsername.TryGetValue(username, out var existing) && !existing.Deleted)
            {
                return existing.Id;
            }

            var user = new UserRecord
            {
                Id = _nextId++,
                Username = username,
                FirstName = "API",
                LastName = "Service account",
                Email = username + "@service.invalid",
                Auth = "nologin",
            };
            Add(user);
            return user.Id;
        }
    }

    /// <summary>Adds a new user and indexes it. The caller has validated uniqueness.</summary>
    public void Add(UserRecord user)
    {
        lock (_gate)
        {
            if (user.Id >= _nextId)
            {
                _nextId = user.Id + 1;
            }

            _byId.Add(user.Id, user);
            if (_idsInOrder.Count > 0 && _idsInOrder[^1] > user.Id)
            {
                _idsInOrder.Insert(~_idsInOrder.BinarySearch(user.Id), user.Id);
            }
            else
            {
                _idsInOrder.Add(user.Id);
            }

            Index(user);
        }
    }

    public UserRecord? GetById(long id)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(id, out var user) && !user.Deleted ? user : null;
        }
    }

    public UserRecord? GetByUsername(string username)
    {
        lock (_gate)
        {
            return _byUsername.TryGetValue(username, out var user) && !user.Deleted ? user : null;
        }
    }

    /// <summary>Live (not deleted) users with this idnumber; usually zero or one.</summary>
    public IReadOnlyList<UserRecord> FindByIdNumber(string idNumber) => Find(_byIdNumber, idNumber);

    /// <summary>Live (not deleted) users with this email; usually zero or one.</summary>
    public IReadOnlyList<UserRecord> FindByEmail(string email) => Find(_byEmail, email);

    /// <summary>
    /// Applies a change to a user under the store's lock and re-indexes its keys, so a
    /// concurrent lookup never sees a half-changed user.
    /// </summary>
    public void Update(UserRecord user, Action<UserRecord> change)
    {
        lock (_gate)
        {
            Unindex(user);
            change(user);
            Index(user);
        }
    }

    /// <summary>A snapshot of live users ordered by id, for paging.</summary>
    public List<UserRecord> Snapshot(Func<UserRecord, bool>? filter = null)
    {
        lock (_gate)
        {
            var result = new List<UserRecord>(_byId.Count);
            foreach (var user in _byId.Values)
            {
                if (!user.Deleted && (filter is null || filter(user)))
                {
                    result.Add(user);
                }
            }

            result.Sort((a, b) => a.Id.CompareTo(b.Id));
            return result;
        }
    }

    /// <summary>Live (not deleted) users.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _liveCount;
            }
        }
    }

    /// <summary>Live users that are suspended.</summary>
    public int SuspendedCount
    {
        get
        {
            lock (_gate)
            {
                return _suspendedCount;
            }
        }
    }

    /// <summary>
    /// Up to <paramref name="take"/> live users matching <paramref name="filter"/>, in id order
    /// (or reverse), strictly after <paramref name="afterId"/> when given. Seeks to the position
    /// by binary search and walks from there, so a page costs O(page + skipped), not O(site).
    /// </summary>
    public List<UserRecord> Page(long? afterId, bool descending, int take, Func<UserRecord, bool> filter)
    {
        lock (_gate)
        {
            var result = new List<UserRecord>(Math.Min(take, 1024));
            int index;
            if (afterId is null)
            {
                index = descending ? _idsInOrder.Count - 1 : 0;
            }
            else
            {
                var found = _idsInOrder.BinarySearch(afterId.Value);
                var insertAt = found >= 0 ? found : ~found;
                index = descending ? insertAt - 1 : (found >= 0 ? found + 1 : insertAt);
            }

            var step = descending ? -1 : 1;
            for (; index >= 0 && index < _idsInOrder.Count && result.Count < take; index += step)
            {
                var user = _byId[_idsInOrder[index]];
                if (!user.Deleted && filter(user))
                {
                    result.Add(user);
                }
            }

            return result;
        }
    }

    /// <summary>Counts live users matching a filter (a scan: only for filters the counters do not cover).</summary>
    public int CountWhere(Func<UserRecord, bool> filter)
    {
        lock (_gate)
        {
            var count = 0;
            foreach (var user in _byId.Values)
            {
                if (!user.Deleted && filter(user))
                {
                    count++;
                }
            }

            return count;
        }
    }

    /// <summary>
    /// Marks a user deleted: it leaves every key index, so it no longer matches a reference,
    /// blocks no username/idnumber/email, and vanishes from lists. Its id stays taken.
    /// </summary>
    public void MarkDeleted(UserRecord user, long now)
    {
        lock (_gate)
        {
            Unindex(user);
            user.Deleted = true;
            user.TimeModified = now;
        }
    }

    private IReadOnlyList<UserRecord> Find(Dictionary<string, List<UserRecord>> index, string key)
    {
        lock (_gate)
        {
            return index.TryGetValue(key, out var users) ? users.Where(u => !u.Deleted).ToList() : Array.Empty<UserRecord>();
        }
    }

    private void Index(UserRecord user)
    {
        if (user.Deleted)
        {
            return;
        }

        _liveCount++;
        if (user.Suspended)
        {
            _suspendedCount++;
        }

        _byUsername[user.Username] = user;
        AddTo(_byIdNumber, user.IdNumber, user);
        AddTo(_byEmail, user.Email, user);
    }

    private void Unindex(UserRecord user)
    {
        if (user.Deleted)
        {
            return;
        }

        _liveCount--;
        if (user.Suspended)
        {
            _suspendedCount--;
        }

        if (_byUsername.TryGetValue(user.Username, out var current) && ReferenceEquals(current, user))
        {
            _byUsername.Remove(user.Username);
        }

        RemoveFrom(_byIdNumber, user.IdNumber, user);
        RemoveFrom(_byEmail, user.Email, user);
    }

    private static void AddTo(Dictionary<string, List<UserRecord>> index, string? key, UserRecord user)
    {
        if (string.IsNullOrEmpty(key))
        {
            return;
        }

        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = new List<UserRecord>(1);
        }

        list.Add(user);
    }

    private static void RemoveFrom(Dictionary<string, List<UserRecord>> index, string? key, UserRecord user)
    {
        if (!string.IsNullOrEmpty(key) && index.TryGetValue(key, out var list))
        {
            list.Remove(user);
            if (list.Count == 0)
            {
                index.Remove(key);
            }
        }
    }
}

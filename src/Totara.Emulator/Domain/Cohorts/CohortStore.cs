using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain.Cohorts;

/// <summary>
/// Audiences and their members: cohorts by id and idnumber, members as one set per cohort
/// plus the reverse (cohorts per user) so deleting a user is O(its memberships).
/// Thread-safe through one lock.
/// </summary>
public sealed class CohortStore
{
    private readonly object _gate = new();
    private readonly Dictionary<long, CohortRecord> _byId = new();
    private readonly Dictionary<string, List<CohortRecord>> _byIdNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<long, HashSet<long>> _members = new();
    private readonly Dictionary<long, HashSet<long>> _cohortsOfUser = new();
    private long _nextId = 1;

    public CohortRecord Add(string name, string? idNumber, bool isDynamic = false, string? description = null, long? timeCreated = null)
    {
        lock (_gate)
        {
            var now = timeCreated ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            var cohort = new CohortRecord
            {
                Id = _nextId++, Name = name, IdNumber = idNumber, IsDynamic = isDynamic, Description = description,
                TimeCreated = now, TimeModified = now,
            };
            _byId.Add(cohort.Id, cohort);
            _members.Add(cohort.Id, new HashSet<long>());
            if (!string.IsNullOrEmpty(idNumber))
            {
                (_byIdNumber.TryGetValue(idNumber, out var list) ? list : _byIdNumber[idNumber] = new List<CohortRecord>(1)).Add(cohort);
            }

            return cohort;
        }
    }

    public CohortRecord? Get(long id)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(id, out var cohort) ? cohort : null;
        }
    }

    /// <summary>Static audiences in id order, for core_cohort_static_cohorts.</summary>
    public List<CohortRecord> StaticCohorts()
    {
        lock (_gate)
        {
            return _byId.Values.Where(c => !c.IsDynamic).OrderBy(c => c.Id).ToList();
        }
    }

    /// <summary>
    /// Totara's core_cohort_cohort_reference rule (id / idnumber, every given column must match,
    /// exactly one audience), with its "Cohort reference ..." messages.
    /// </summary>
    public CohortRecord Resolve(IReadOnlyDictionary<string, object?>? reference)
    {
        var id = GraphInput.Has(reference, "id") ? GraphInput.String(reference, "id") : null;
        var idNumber = GraphInput.Has(reference, "idnumber") ? GraphInput.String(reference, "idnumber") : null;
        if (id is null && idNumber is null)
        {
            throw new TotaraApiException("Cohort reference columns are not being passed.");
        }

        lock (_gate)
        {
            IEnumerable<CohortRecord> candidates = id is not null
                ? (long.TryParse(id, out var key) && _byId.TryGetValue(key, out var byId) ? new[] { byId } : Array.Empty<CohortRecord>())
                : _byIdNumber.TryGetValue(idNumber!, out var list) ? list : Array.Empty<CohortRecord>();
            var matches = candidates.Where(c => idNumber is null || string.Equals(c.IdNumber, idNumber, StringComparison.Ordinal)).Take(2).ToList();
            return matches.Count switch
            {
                1 => matches[0],
                0 => throw new TotaraApiException("Cohort reference not found"),
                _ => throw new TotaraApiException("Cohort reference must resolve one record only"),
            };
        }
    }

    public bool IsMember(long cohortId, long userId)
    {
        lock (_gate)
        {
            return _members.TryGetValue(cohortId, out var set) && set.Contains(userId);
        }
    }

    /// <summary>Adds a member; false when the user already was one.</summary>
    public bool AddMember(long cohortId, long userId)
    {
        lock (_gate)
        {
            if (!_members[cohortId].Add(userId))
            {
                return false;
            }

            (_cohortsOfUser.TryGetValue(userId, out var set) ? set : _cohortsOfUser[userId] = new HashSet<long>()).Add(cohortId);
            // cohort/lib.php cohort_add_member: inserts cohort_members only; neither cohort.timemodified nor user.timemodified changes.
            return true;
        }
    }

    /// <summary>Removes a member; false when the user was not one.</summary>
    public bool RemoveMember(long cohortId, long userId)
    {
        lock (_gate)
        {
            if (!_members[cohortId].Remove(userId))
            {
                return false;
            }

            _cohortsOfUser[userId].Remove(cohortId);
            // cohort/lib.php cohort_remove_member: deletes the cohort_members row only (no timemodified changes).
            return true;
        }
    }

    public int MemberCount(long cohortId)
    {
        lock (_gate)
        {
            return _members.TryGetValue(cohortId, out var set) ? set.Count : 0;
        }
    }

    /// <summary>Drops a (deleted) user from every audience.</summary>
    public void RemoveUserEverywhere(long userId)
    {
        lock (_gate)
        {
            if (!_cohortsOfUser.Remove(userId, out var cohorts))
            {
                return;
            }

            foreach (var cohortId in cohorts)
            {
                _members[cohortId].Remove(userId);
            }
        }
    }
}

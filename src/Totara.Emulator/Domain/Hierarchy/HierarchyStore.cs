using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain.Hierarchy;

/// <summary>
/// The positions or the organisations of the site (one store per kind), with their frameworks
/// and types, indexed by id, idnumber and parent. The API has no mutations for them: tests
/// and demo data create them here. Thread-safe through one lock.
/// </summary>
public sealed class HierarchyStore
{
    private readonly object _gate = new();
    private readonly Dictionary<long, HierarchyFramework> _frameworks = new();
    private readonly Dictionary<long, HierarchyType> _types = new();
    private readonly Dictionary<long, HierarchyItem> _items = new();
    private readonly Dictionary<string, List<HierarchyItem>> _byIdNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<HierarchyItem>> _children = new();
    private long _nextFrameworkId = 1;
    private long _nextTypeId = 1;
    private long _nextItemId = 1;

    public HierarchyStore(string entityName)
    {
        EntityName = entityName;
    }

    /// <summary>"Position" or "Organisation": the word Totara's reference errors start with.</summary>
    public string EntityName { get; }

    public HierarchyFramework AddFramework(string fullName, string? idNumber = null, string? shortName = null, string? description = null)
    {
        lock (_gate)
        {
            var framework = new HierarchyFramework(_nextFrameworkId++, fullName, shortName, idNumber, description);
            _frameworks.Add(framework.Id, framework);
            return framework;
        }
    }

    public HierarchyType AddType(string fullName, string? idNumber = null, string? shortName = null, string? description = null)
    {
        lock (_gate)
        {
            var type = new HierarchyType(_nextTypeId++, fullName, shortName, idNumber, description);
            _types.Add(type.Id, type);
            return type;
        }
    }

    /// <summary>Adds an item under <paramref name="parent"/> (or at the top of the framework).</summary>
    public HierarchyItem AddItem(HierarchyFramework framework, string fullName, string? idNumber, HierarchyItem? parent = null,
        HierarchyType? type = null, string? shortName = null, bool visible = true)
    {
        lock (_gate)
        {
            if (!_frameworks.ContainsKey(framework.Id))
            {
                throw new ArgumentException($"{EntityName} framework {framework.Id} does not belong to this store.", nameof(framework));
            }

            if (parent is not null && parent.FrameworkId != framework.Id)
            {
                throw new ArgumentException($"{EntityName} parent '{parent.IdNumber}' is in another framework.", nameof(parent));
            }

            var id = _nextItemId++;
            var item = new HierarchyItem
            {
                Id = id,
                FrameworkId = framework.Id,
                ParentId = parent?.Id,
                TypeId = type?.Id,
                FullName = fullName,
                ShortName = shortName,
                IdNumber = idNumber,
                Visible = visible,
                Path = (parent?.Path ?? "") + "/" + id,
            };
            _items.Add(id, item);
            if (!string.IsNullOrEmpty(idNumber))
            {
                (_byIdNumber.TryGetValue(idNumber, out var list) ? list : _byIdNumber[idNumber] = new List<HierarchyItem>(1)).Add(item);
            }

            if (parent is not null)
            {
                (_children.TryGetValue(parent.Id, out var kids) ? kids : _children[parent.Id] = new List<HierarchyItem>()).Add(item);
            }

            return item;
        }
    }

    public HierarchyItem? Get(long? id)
    {
        lock (_gate)
        {
            return id is { } key && _items.TryGetValue(key, out var item) ? item : null;
        }
    }

    public HierarchyFramework? GetFramework(long id)
    {
        lock (_gate)
        {
            return _frameworks.TryGetValue(id, out var framework) ? framework : null;
        }
    }

    public HierarchyType? GetItemType(long? id)
    {
        lock (_gate)
        {
            return id is { } key && _types.TryGetValue(key, out var type) ? type : null;
        }
    }

    public IReadOnlyList<HierarchyItem> Children(long id)
    {
        lock (_gate)
        {
            return _children.TryGetValue(id, out var kids) ? kids.ToList() : Array.Empty<HierarchyItem>();
        }
    }

    public IReadOnlyList<HierarchyItem> InFramework(long frameworkId)
    {
        lock (_gate)
        {
            return _items.Values.Where(i => i.FrameworkId == frameworkId).OrderBy(i => i.Id).ToList();
        }
    }

    public IReadOnlyList<HierarchyItem> All()
    {
        lock (_gate)
        {
            return _items.Values.OrderBy(i => i.Id).ToList();
        }
    }

    /// <summary>
    /// Totara's hierarchy reference rule (id / idnumber, every given column must match, exactly
    /// one record): "Position reference not found", "... must resolve one record only",
    /// "... reference columns are not being passed."
    /// </summary>
    public HierarchyItem Resolve(IReadOnlyDictionary<string, object?>? reference)
    {
        var id = GraphInput.Has(reference, "id") ? GraphInput.String(reference, "id") : null;
        var idNumber = GraphInput.Has(reference, "idnumber") ? GraphInput.String(reference, "idnumber") : null;
        if (id is null && idNumber is null)
        {
            throw new TotaraApiException(EntityName + " reference columns are not being passed.");
        }

        lock (_gate)
        {
            IEnumerable<HierarchyItem> candidates = id is not null
                ? (long.TryParse(id, out var key) && _items.TryGetValue(key, out var byId) ? new[] { byId } : Array.Empty<HierarchyItem>())
                : _byIdNumber.TryGetValue(idNumber!, out var list) ? list : Array.Empty<HierarchyItem>();
            var matches = candidates.Where(i => idNumber is null || string.Equals(i.IdNumber, idNumber, StringComparison.Ordinal)).Take(2).ToList();
            return matches.Count switch
            {
                1 => matches[0],
                0 => throw new TotaraApiException(EntityName + " reference not found"),
                _ => throw new TotaraApiException(EntityName + " reference must resolve one record only"),
            };
        }
    }
}

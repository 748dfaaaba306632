using System;
using System.Collections.Generic;
using System.Linq;

namespace Totara.Client.JobAssignments;

/// <summary>
/// Orders a set of job-assignment records so that every record comes after the records it names
/// as manager (or temporary manager), and finds management cycles among them, which can never be
/// created. Pure: no site access, no PowerShell; a manager that is not in the set is taken to
/// exist already and adds no constraint.
/// </summary>
/// <remarks>
/// Records keep their input order wherever the managers allow. A manager key without a job
/// idnumber points at the first record of that user in the set. Runs in O(records + links),
/// without recursion, so a 10,000-deep chain is fine.
/// </remarks>
public static class ManagerOrdering
{
    /// <summary>
    /// Orders <paramref name="records"/> manager-first. <paramref name="keyOf"/> names each record;
    /// <paramref name="managersOf"/> gives the keys of the assignments it points at (manager,
    /// temporary manager). Records in a cycle are left out of the order and reported in
    /// <see cref="ManagerOrderingResult{T}.Cycles"/>.
    /// </summary>
    public static ManagerOrderingResult<T> Order<T>(IReadOnlyList<T> records, Func<T, JobAssignmentKey> keyOf, Func<T, IEnumerable<JobAssignmentKey>> managersOf)
    {
        if (records is null) throw new ArgumentNullException(nameof(records));
        if (keyOf is null) throw new ArgumentNullException(nameof(keyOf));
        if (managersOf is null) throw new ArgumentNullException(nameof(managersOf));

        var links = Links(records, keyOf, managersOf);
        var components = StronglyConnected(links);
        var ordered = new List<T>(records.Count);
        var cycles = new List<List<int>>();
        foreach (var component in components)
        {
            if (component.Count == 1 && !links[component[0]].Contains(component[0]))
                ordered.Add(records[component[0]]);
            else
                cycles.Add(Chain(component, links));
        }
        var reported = cycles.OrderBy(c => c[0]).Select(c => (IReadOnlyList<T>)c.Select(i => records[i]).ToList()).ToList();
        return new ManagerOrderingResult<T>(ordered, reported);
    }

    /// <summary>For each record, the records in the set it points at, in ascending input order.</summary>
    private static List<int>[] Links<T>(IReadOnlyList<T> records, Func<T, JobAssignmentKey> keyOf, Func<T, IEnumerable<JobAssignmentKey>> managersOf)
    {
        var byKey = new Dictionary<JobAssignmentKey, int>();
        var firstOfUser = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var key = keyOf(records[i]);
            if (!byKey.ContainsKey(key)) byKey[key] = i;
            if (!firstOfUser.ContainsKey(key.User)) firstOfUser[key.User] = i;
        }

        var links = new List<int>[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var targets = new SortedSet<int>();
            foreach (var manager in managersOf(records[i]) ?? Enumerable.Empty<JobAssignmentKey>())
            {
                var found = manager.JobIdNumber is null ? firstOfUser.TryGetValue(manager.User, out var target) : byKey.TryGetValue(manager, out target);
                if (found) targets.Add(target);
            }
            links[i] = targets.ToList();
        }
        return links;
    }

    /// <summary>
    /// Tarjan's algorithm, iterative. Components come out managers-first (a component is emitted
    /// only after every component it points at), roots taken in input order.
    /// </summary>
    private static List<List<int>> StronglyConnected(List<int>[] links)
    {
        var count = links.Length;
        var index = new int[count];
        var low = new int[count];
        var onStack = new bool[count];
        for (var i = 0; i < count; i++) index[i] = -1;
        var stack = new Stack<int>();
        var components = new List<List<int>>();
        var next = 0;
        var work = new Stack<(int Node, int Link)>();

        for (var root = 0; root < count; root++)
        {
            if (index[root] >= 0) continue;
            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (node, link) = work.Pop();
                if (link == 0)
                {
                    index[node] = low[node] = next++;
                    stack.Push(node);
                    onStack[node] = true;
                }

                if (link < links[node].Count)
                {
                    var target = links[node][link];
                    work.Push((node, link + 1));
                    if (index[target] < 0) work.Push((target, 0));
                    else if (onStack[target]) low[node] = Math.Min(low[node], index[target]);
                    continue;
                }

                if (low[node] == index[node])
                {
                    var component = new List<int>();
                    int member;
                    do
                    {
                        member = stack.Pop();
                        onStack[member] = false;
                        component.Add(member);
                    } while (member != node);
                    component.Sort();
                    components.Add(component);
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
            }
        }
        return components;
    }

    /// <summary>The cycle's records in management order (each managed by the next, the last by the first), starting at the earliest.</summary>
    private static List<int> Chain(List<int> component, List<int>[] links)
    {
        var members = new HashSet<int>(component);
        var chain = new List<int> { component[0] };
        var seen = new HashSet<int> { component[0] };
        for (var node = component[0]; ;)
        {
            var next = links[node].Where(t => members.Contains(t) && !seen.Contains(t)).DefaultIfEmpty(-1).First();
            if (next < 0) break;
            chain.Add(next);
            seen.Add(next);
            node = next;
        }
        // Members off the walked loop (several loops through one record) are refused as well.
        chain.AddRange(component.Where(i => !seen.Contains(i)));
        return chain;
    }
}

/// <summary>The records in manager-first order, and the management cycles that were left out.</summary>
public sealed class ManagerOrderingResult<T>
{
    /// <summary>Holds the result of <see cref="ManagerOrdering.Order{T}"/>.</summary>
    /// <param name="ordered">The records not in a cycle, manager-first.</param>
    /// <param name="cycles">The cycles left out, each in management order.</param>
    public ManagerOrderingResult(IReadOnlyList<T> ordered, IReadOnlyList<IReadOnlyList<T>> cycles)
    {
        Ordered = ordered;
        Cycles = cycles;
    }

    /// <summary>Every record not in a cycle; each after the records it names as manager.</summary>
    public IReadOnlyList<T> Ordered { get; }

    /// <summary>Each cycle's records in management order: each is managed by the next, the last by the first.</summary>
    public IReadOnlyList<IReadOnlyList<T>> Cycles { get; }

    /// <summary>True when some records were left out because they manage each other in a loop.</summary>
    public bool HasCycles => Cycles.Count > 0;
}

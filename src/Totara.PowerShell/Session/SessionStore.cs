using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace Totara.PowerShell.Session;

/// <summary>
/// The default session of each runspace. Keyed on the runspace (not a process-wide static) so
/// jobs, <c>ForEach-Object -Parallel</c> and Azure Automation workers that share a process never
/// pick up each other's connection by accident; the weak table lets a closed runspace's entry go.
/// </summary>
internal static class SessionStore
{
    private static readonly ConditionalWeakTable<Runspace, SessionHolder> Defaults = new();

    /// <summary>The calling runspace's default session, or null when it has none.</summary>
    public static TotaraSession? GetDefault()
    {
        var runspace = Runspace.DefaultRunspace;
        return runspace is not null && Defaults.TryGetValue(runspace, out var holder) ? holder.Session : null;
    }

    /// <summary>Makes <paramref name="session"/> the calling runspace's default.</summary>
    public static void SetDefault(TotaraSession session)
    {
        var runspace = Runspace.DefaultRunspace;
        if (runspace is null) return;
        Defaults.GetValue(runspace, _ => new SessionHolder()).Session = session;
    }

    /// <summary>Clears the calling runspace's default when it is <paramref name="session"/>; true if it was.</summary>
    public static bool ClearDefault(TotaraSession session)
    {
        var runspace = Runspace.DefaultRunspace;
        if (runspace is null || !Defaults.TryGetValue(runspace, out var holder)) return false;
        lock (holder)
        {
            if (!ReferenceEquals(holder.Session, session)) return false;
            holder.Session = null;
            return true;
        }
    }

    private sealed class SessionHolder
    {
        private TotaraSession? session;

        public TotaraSession? Session
        {
            get { lock (this) return session; }
            set { lock (this) session = value; }
        }
    }
}

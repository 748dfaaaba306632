using System;
using System.Collections.Generic;
using System.Linq;
using Totara.Client.Users;

namespace Totara.Sync;

/// <summary>
/// Plans a sync from the validated source and the site as read: hash joins on the match key,
/// so planning is O(rows + site users) with no request and no per-row lookup. Needs no
/// PowerShell and no site: the benchmark plans 100,000 rows against 100,000 users in-process.
/// </summary>
/// <remarks>
/// Memberships of users already on the site come out as candidates (<see cref="SyncChange.NeedsCheck"/>):
/// the API cannot list members, so <see cref="MembershipChecker"/> asks the site about each before
/// the plan is final.
/// </remarks>
public static class SyncPlanner
{
    /// <summary>
    /// Plans every valid row against the site: creates, updates, suspensions, deletions, job
    /// assignments and audience memberships, in the order they are applied. Pure: no request.
    /// </summary>
    /// <param name="source">The validated source (its refused rows' keys keep their users from being suspended).</param>
    /// <param name="siteUsers">Every site user in scope, as read.</param>
    /// <param name="options">How the run behaves.</param>
    /// <param name="cohorts">The site's static audiences; null when the source names none.</param>
    /// <param name="state">The memberships the sync added before (needed for <see cref="CohortMode.Exact"/>); null for none.</param>
    /// <param name="jobs">The site's job assignments; required when any row has a job.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/>, <paramref name="siteUsers"/> or <paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A row has a job assignment but <paramref name="jobs"/> is null.</exception>
    public static SyncPlan Plan(SourceValidation source, IReadOnlyCollection<SiteUser> siteUsers, SyncOptions options,
        CohortIndex? cohorts = null, SyncState? state = null, SiteJobs? jobs = null)
        => Plan(source, siteUsers, options, cohorts, state, jobs, null);

    /// <param name="source">The validated source.</param>
    /// <param name="siteUsers">The site users in scope, as read.</param>
    /// <param name="options">How the run behaves.</param>
    /// <param name="cohorts">The site's static audiences; null when the source names none.</param>
    /// <param name="state">The memberships the sync added before; null for none.</param>
    /// <param name="jobs">The site's job assignments; required when any row has a job.</param>
    /// <param name="scope">For a delta run: the rows to plan and the users read in full (null plans every row).</param>
    internal static SyncPlan Plan(SourceValidation source, IReadOnlyCollection<SiteUser> siteUsers, SyncOptions options,
        CohortIndex? cohorts, SyncState? state, SiteJobs? jobs, DeltaScope? scope)
    {
        if (source is null) throw new ArgumentNullException(nameof(source));
        if (siteUsers is null) throw new ArgumentNullException(nameof(siteUsers));
        if (options is null) throw new ArgumentNullException(nameof(options));

        var plan = new SyncPlan(options, siteUsers.Count);
        var site = new SiteIndex(siteUsers, options.MatchField);
        var lists = new PlanLists();
        var seen = new HashSet<long>();
        var audiencesUnknown = new HashSet<long>();
        var desired = new HashSet<Membership>();
        var jobPlanner = source.Valid.Any(r => r.Job is not null)
            ? new JobPlanner(source, siteUsers, jobs ?? throw new InvalidOperationException("The source has job assignments but the site's were not read."), options)
            : null;

        foreach (var row in source.Valid)
        {
            if (scope is not null && !scope.Rows.Contains(row)) continue;
            var key = row.KeyFor(options.MatchField)!;
            var label = SourceValidator.KeyLabel(row, options.MatchField);
            if (jobPlanner?.Check(row) is { } jobProblem)
            {
                Refuse(plan, source, row, label, jobProblem.Field, jobProblem.Message);
                continue;
            }
            if (!TryResolveAudiences(row, cohorts, label, plan, source, out var rowCohorts)) continue;

            var user = site.Find(key, out var matches);
            if (matches > 1)
            {
                Refuse(plan, source, row, label, options.MatchFieldName,
                    $"{matches} site users have {options.MatchFieldName} '{key}'; the row cannot tell which one it is.");
                continue;
            }

            if (row.Deleted)
            {
                if (user is not null) seen.Add(user.Id);
                PlanDeletedRow(row, user, key, options, lists);
                continue;
            }

            if (user is not null)
            {
                seen.Add(user.Id);
                // No Audiences column, or an empty cell that -EmptyFieldAction Keep reads as "no value": memberships stay as they are.
                if (rowCohorts is null || (rowCohorts.Count == 0 && options.EmptyFieldAction == EmptyFieldAction.Keep)) audiencesUnknown.Add(user.Id);
                PlanExisting(row, user, key, options, lists, plan);
                jobPlanner?.Plan(row, key, user, null);
                foreach (var cohort in rowCohorts ?? Enumerable.Empty<Totara.Client.Cohorts.CohortData>())
                {
                    var membership = new Membership(cohort.Id, user.Id);
                    if (!desired.Add(membership)) continue;
                    lists.Adds.Add(Member(SyncAction.AddMember, key, cohort.ToString(), cohort.Id, user.Id, row, "in the source's audiences", check: true));
                }
                continue;
            }

            var create = PlanCreate(row, key, label, site, options, plan, source);
            if (create is null) continue;
            lists.Creates.Add(create);
            jobPlanner?.Plan(row, key, null, create);
            foreach (var cohort in rowCohorts ?? Enumerable.Empty<Totara.Client.Cohorts.CohortData>())
            {
                var add = Member(SyncAction.AddMember, key, cohort.ToString(), cohort.Id, null, row, "in the source's audiences (new user)", check: false);
                add.DependsOn = create;
                add.Username = create.Username;
                lists.Adds.Add(add);
            }
        }

        if (options.SourceIsComplete && options.MissingUserAction != MissingUserAction.Keep)
            PlanMissing(siteUsers, seen, source, options, lists, scope, plan.HandsOff);

        if (options.CohortMode == CohortMode.Exact && state is not null)
            PlanRemovals(siteUsers, state, desired, seen, audiencesUnknown, source, options, cohorts, plan, lists, scope);

        if (jobPlanner is not null) lists.Jobs.AddRange(jobPlanner.Changes());
        lists.CopyTo(plan.Changes);
        plan.ValidRows = source.Valid.Count;
        return plan;
    }

    /// <summary>Plans the updates of a matched user; true when anything changes.</summary>
    private static bool PlanExisting(SourceUser row, SiteUser user, string key, SyncOptions options, PlanLists lists, SyncPlan plan)
    {
        var changed = false;
        var (change, fields) = UserDiff.Compare(row, user, options, plan.RewrittenValues);
        if (change is not null)
        {
            lists.Updates.Add(new SyncChange(SyncAction.Update, SyncRecordType.User, key, "fields differ from the source", row)
            {
                Fields = fields!, UserChange = change, UserId = user.Id, Username = user.Username,
            });
            changed = true;
        }

        var suspend = row.Suspended;
        var reason = "the source's suspended column";
        if (suspend is null && !row.HasSuspendedColumn && user.Suspended && options.SourceIsComplete && options.MissingUserAction == MissingUserAction.Suspend)
        {
            // Suspended as missing from an earlier complete source, and back in it now. (With a suspended
            // column, an empty cell is no value: only an explicit false unsuspends.)
            suspend = false;
            reason = "in the source again (MissingUserAction Suspend)";
        }
        if (suspend == true && !user.Suspended && options.IsProtected(user.Username))
        {
            plan.Problems.Add(new SyncProblem(row, SourceValidator.KeyLabel(row, options.MatchField), "suspended",
                $"'{user.Username}' is a protected account (guest, admin or the service account): a sync never suspends it; its other fields are still synced."));
            suspend = null;
        }
        if (suspend is bool wanted && wanted != user.Suspended)
        {
            var target = wanted ? lists.Removals : lists.Unsuspends;
            target.Add(new SyncChange(wanted ? SyncAction.Suspend : SyncAction.Unsuspend, SyncRecordType.User, key, reason, row)
            {
                Fields = new[] { new FieldChange("suspended", user.Suspended ? "true" : "false", wanted ? "true" : "false") },
                UserId = user.Id, Username = user.Username,
            });
            changed = true;
        }
        return changed;
    }

    /// <summary>A row marked deleted (HR Import's deleted column): its user is removed as -MissingUserAction says, never created.</summary>
    private static void PlanDeletedRow(SourceUser row, SiteUser? user, string key, SyncOptions options, PlanLists lists)
    {
        if (user is null || options.IsProtected(user.Username) || options.MissingUserAction == MissingUserAction.Keep) return;
        var delete = options.MissingUserAction == MissingUserAction.Delete;
        if (!delete && user.Suspended) return;
        lists.Removals.Add(new SyncChange(delete ? SyncAction.Delete : SyncAction.Suspend, SyncRecordType.User, key,
            $"the source's deleted column (MissingUserAction {options.MissingUserAction})", row)
        {
            UserId = user.Id, Username = user.Username,
            Fields = delete ? Array.Empty<FieldChange>() : new[] { new FieldChange("suspended", "false", "true") },
        });
    }

    private static SyncChange? PlanCreate(SourceUser row, string key, string? label, SiteIndex site, SyncOptions options, SyncPlan plan, SourceValidation source)
    {
        var username = row.Get(SyncFields.Username);
        if (!string.IsNullOrEmpty(username) && options.MatchField != SyncFields.Username && site.OwnerOfUsername(username!) is { } owner)
        {
            Refuse(plan, source, row, label, "username",
                $"no site user has {options.MatchFieldName} '{key}', and username '{username}' belongs to site user {owner.Id} " +
                $"({options.MatchFieldName} '{owner.Get(options.MatchField)}'); fix the source or that user's {options.MatchFieldName}.");
            return null;
        }

        var (change, fields) = UserDiff.ForCreate(row);
        var problems = UserInputRules.CheckCreate(change);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
                Refuse(plan, source, row, label, problem.Field, "a new user cannot be created: " + problem.Message);
            return null;
        }
        return new SyncChange(SyncAction.Create, SyncRecordType.User, key, $"no site user has {options.MatchFieldName} '{key}'", row)
        {
            Fields = fields, UserChange = change, Username = change.Username,
        };
    }

    private static void PlanMissing(IReadOnlyCollection<SiteUser> siteUsers, HashSet<long> seen, SourceValidation source, SyncOptions options, PlanLists lists,
        DeltaScope? scope, HashSet<long> handsOff)
    {
        var delete = options.MissingUserAction == MissingUserAction.Delete;
        foreach (var user in siteUsers)
        {
            // A delta run judges only the users it read: the others were judged by an earlier run and have not changed since.
            if (scope is not null && !scope.Judges(user, options.MatchField)) continue;
            if (seen.Contains(user.Id) || options.IsProtected(user.Username)) continue;
            if (IsHandsOff(user, source))
            {
                handsOff.Add(user.Id);
                continue;
            }
            // Users without the match key are outside the source's scope (e.g. accounts made by hand).
            if (user.Get(options.MatchField).Length == 0) continue;
            if (!delete && user.Suspended) continue;
            lists.Removals.Add(new SyncChange(delete ? SyncAction.Delete : SyncAction.Suspend, SyncRecordType.User,
                user.Get(options.MatchField), $"not in the source (SourceIsComplete, MissingUserAction {options.MissingUserAction})")
            {
                UserId = user.Id, Username = user.Username,
                Fields = delete ? Array.Empty<FieldChange>() : new[] { new FieldChange("suspended", "false", "true") },
            });
        }
    }

    private static void PlanRemovals(IReadOnlyCollection<SiteUser> siteUsers, SyncState state, HashSet<Membership> desired, HashSet<long> seen,
        HashSet<long> audiencesUnknown, SourceValidation source, SyncOptions options, CohortIndex? cohorts, SyncPlan plan, PlanLists lists, DeltaScope? scope)
    {
        var byId = new Dictionary<long, SiteUser>(siteUsers.Count);
        foreach (var user in siteUsers) byId[user.Id] = user;
        foreach (var membership in state.Added)
        {
            if (desired.Contains(membership)) continue;
            if (!byId.TryGetValue(membership.UserId, out var user))
            {
                // The user was deleted: so was the membership. (A delta run knows that only of users it looked up.)
                if (scope is null || scope.Deleted.Contains(membership.UserId)) plan.StaleState.Add(membership);
                continue;
            }
            if (scope is not null && !scope.Judges(user, options.MatchField)) continue;
            if (audiencesUnknown.Contains(user.Id)) continue;
            // A user the source lacks is only missing from a complete source; a partial one says nothing about them.
            if (!seen.Contains(user.Id) && !options.SourceIsComplete) continue;
            if (!seen.Contains(user.Id) && IsHandsOff(user, source))
            {
                plan.HandsOff.Add(user.Id);
                continue;
            }
            var key = user.Get(options.MatchField) is { Length: > 0 } k ? k : user.Username ?? user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var reason = seen.Contains(user.Id) ? "added by an earlier sync and no longer in the source's audiences" : "added by an earlier sync; the user is not in the source (SourceIsComplete)";
            lists.Drops.Add(Member(SyncAction.RemoveMember, key, cohorts?.Describe(membership.CohortId) ?? "id " + membership.CohortId,
                membership.CohortId, user.Id, null, reason, check: true));
        }
    }

    private static bool TryResolveAudiences(SourceUser row, CohortIndex? cohorts, string? label, SyncPlan plan, SourceValidation source,
        out List<Totara.Client.Cohorts.CohortData>? resolved)
    {
        resolved = null;
        if (row.Audiences is null) return true;
        resolved = new List<Totara.Client.Cohorts.CohortData>(row.Audiences.Count);
        if (row.Audiences.Count == 0) return true;
        if (cohorts is null) throw new InvalidOperationException("The source has audiences but the site's audiences were not read.");
        foreach (var identity in row.Audiences)
        {
            var cohort = cohorts.Resolve(identity, out var error);
            if (cohort is null)
            {
                Refuse(plan, source, row, label, "audiences", error!);
                return false;
            }
            if (!resolved.Exists(c => c.Id == cohort.Id)) resolved.Add(cohort);
        }
        return true;
    }

    private static SyncChange Member(SyncAction action, string key, string audience, long cohortId, long? userId, SourceUser? row, string reason, bool check) =>
        new(action, SyncRecordType.AudienceMember, key, reason, row)
        {
            Audience = audience, CohortId = cohortId, UserId = userId, NeedsCheck = check,
        };

    private static bool IsHandsOff(SiteUser user, SourceValidation source) =>
        source.IsProtected(SyncFields.Username, user.Username) || source.IsProtected(SyncFields.IdNumber, user.Get(SyncFields.IdNumber))
        || source.IsProtected(SyncFields.Email, user.Get(SyncFields.Email));

    private static void Refuse(SyncPlan plan, SourceValidation source, SourceUser row, string? label, string? field, string message)
    {
        plan.Problems.Add(new SyncProblem(row, label, field, message));
        source.Protect(row);
    }

    /// <summary>The plan's changes by kind, concatenated in apply order at the end.</summary>
    private sealed class PlanLists
    {
        public List<SyncChange> Creates { get; } = new();
        public List<SyncChange> Updates { get; } = new();
        public List<SyncChange> Unsuspends { get; } = new();
        public List<SyncChange> Jobs { get; } = new();
        public List<SyncChange> Adds { get; } = new();
        public List<SyncChange> Drops { get; } = new();
        public List<SyncChange> Removals { get; } = new();

        public void CopyTo(List<SyncChange> changes)
        {
            changes.Capacity = Creates.Count + Updates.Count + Unsuspends.Count + Jobs.Count + Adds.Count + Drops.Count + Removals.Count;
            changes.AddRange(Creates);
            changes.AddRange(Updates);
            changes.AddRange(Unsuspends);
            // Job assignments after every user exists: a manager may be a user created in this run.
            changes.AddRange(Jobs);
            changes.AddRange(Adds);
            changes.AddRange(Drops);
            // Suspensions before deletions; both last, so an interrupted run has done the least harm.
            changes.AddRange(Removals.Where(c => c.Action == SyncAction.Suspend));
            changes.AddRange(Removals.Where(c => c.Action == SyncAction.Delete));
        }
    }
}

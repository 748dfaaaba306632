using System.Text.Json;
using GraphQL.Utilities;
using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain.Cohorts;

/// <summary>
/// core_cohort_static_cohorts, core_cohort_is_user_member, core_cohort_add_cohort_member,
/// core_cohort_remove_cohort_member and the core_cohort type. Members of dynamic audiences
/// follow their rules, so the API refuses to change them.
/// </summary>
public sealed class CohortResolvers : IResolverModule
{
    public const int DefaultPageSize = 20;

    public void Register(TypeSettings types, EmulatorState state)
    {
        types.Root("Query", "core_cohort_static_cohorts", ctx => StaticCohorts(state.Cohorts, ctx.ObjectArgument("query")));
        types.Root("Query", "core_cohort_is_user_member", ctx =>
        {
            var user = state.ResolveUser(ctx.ObjectArgument("user"));
            var cohort = state.Cohorts.Resolve(ctx.ObjectArgument("cohort"));
            return new MemberCheck(state.Cohorts.IsMember(cohort.Id, user.Id));
        });
        types.Root("Mutation", "core_cohort_add_cohort_member", ctx =>
        {
            var user = state.ResolveUser(ctx.ObjectArgument("user"));
            var cohort = state.Cohorts.Resolve(ctx.ObjectArgument("cohort"));
            if (cohort.IsDynamic)
            {
                throw new TotaraApiException("You can only add member to static audience.");
            }

            // core\webapi\resolver\mutation\cohort_add_cohort_member: success is always true; was_already_member = !added.
            var added = state.Cohorts.AddMember(cohort.Id, user.Id);
            return new MemberChange(user, cohort, true, !added);
        });
        types.Root("Mutation", "core_cohort_remove_cohort_member", ctx =>
        {
            var user = state.ResolveUser(ctx.ObjectArgument("user"));
            var cohort = state.Cohorts.Resolve(ctx.ObjectArgument("cohort"));
            if (cohort.IsDynamic)
            {
                throw new TotaraApiException("You can only remove member from static audience.");
            }

            // Removing a non-member still succeeds; user_was_member says whether anything changed.
            var removed = state.Cohorts.RemoveMember(cohort.Id, user.Id);
            return new MemberChange(user, cohort, true, removed);
        });

        types.For("core_cohort_is_user_member_result").Field<MemberCheck>("user_is_member", r => r.IsMember);
        var add = types.For("core_cohort_add_cohort_member_result");
        add.Field<MemberChange>("user", r => r.User);
        add.Field<MemberChange>("cohort", r => r.Cohort);
        add.Field<MemberChange>("success", r => r.Success);
        add.Field<MemberChange>("was_already_member", r => r.Flag);
        var remove = types.For("core_cohort_remove_cohort_member_result");
        remove.Field<MemberChange>("user", r => r.User);
        remove.Field<MemberChange>("cohort", r => r.Cohort);
        remove.Field<MemberChange>("success", r => r.Success);
        remove.Field<MemberChange>("user_was_member", r => r.Flag);

        var page = types.For("core_cohort_static_cohorts_result");
        page.IsTypeOfFunc = o => o is PageResult<CohortRecord>;
        page.Field<PageResult<CohortRecord>>("items", p => p.Items);
        page.Field<PageResult<CohortRecord>>("total", p => p.Total);
        page.Field<PageResult<CohortRecord>>("next_cursor", p => p.NextCursor);

        var cohortType = types.For("core_cohort");
        cohortType.IsTypeOfFunc = o => o is CohortRecord;
        cohortType.Field<CohortRecord>("id", c => c.Id);
        cohortType.Text<CohortRecord>("name", c => c.Name);
        cohortType.Text<CohortRecord>("idnumber", c => c.IdNumber);
        cohortType.Text<CohortRecord>("description", c => c.Description);
        cohortType.Field<CohortRecord>("type", c => c.Type);
        cohortType.Field<CohortRecord>("active", c => c.Active);
        cohortType.Field<CohortRecord>("members_count", c => state.Cohorts.MemberCount(c.Id));
        cohortType.Field<CohortRecord>("tags", _ => Array.Empty<object>());
    }

    /// <summary>Static audiences filtered by tag / creation / modification time, keyset-paged by id.</summary>
    private static PageResult<CohortRecord> StaticCohorts(CohortStore store, IReadOnlyDictionary<string, object?>? query)
    {
        var filter = GraphInput.AsObject(GraphInput.Get(query, "filter"));
        var tag = GraphInput.String(filter, "tag_filter");
        var createdSince = GraphInput.Date(filter, "since_timecreated");
        var modifiedSince = GraphInput.Date(filter, "since_timemodified");
        var cohorts = store.StaticCohorts()
            .Where(c => (string.IsNullOrEmpty(tag) || c.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase)) &&
                        (createdSince is null || c.TimeCreated >= createdSince) &&
                        (modifiedSince is null || c.TimeModified >= modifiedSince))
            .ToList();

        var pagination = GraphInput.AsObject(GraphInput.Get(query, "pagination"));
        var limit = (int)Math.Max(1, GraphInput.Long(pagination, "limit") ?? DefaultPageSize);
        long afterId = 0;
        var cursorText = GraphInput.String(pagination, "cursor");
        if (!string.IsNullOrEmpty(cursorText))
        {
            var cursor = PageCursor.Decode(cursorText);
            limit = cursor.Limit > 0 ? cursor.Limit : limit;
            afterId = cursor.Columns.TryGetValue("id", out var id) && id.ValueKind == JsonValueKind.Number
                ? id.GetInt64()
                : throw new TotaraApiException(PageCursor.InvalidCursor);
        }

        var window = cohorts.Where(c => c.Id > afterId).Take(limit + 1).ToList();
        var hasMore = window.Count > limit;
        var items = hasMore ? window.GetRange(0, limit) : window;
        var next = hasMore ? PageCursor.Encode(limit, new Dictionary<string, object?> { ["id"] = items[^1].Id }) : "";
        return new PageResult<CohortRecord>(items, cohorts.Count, next);
    }

    private sealed record MemberCheck(bool IsMember);

    private sealed record MemberChange(UserRecord User, CohortRecord Cohort, bool Success, bool Flag);
}

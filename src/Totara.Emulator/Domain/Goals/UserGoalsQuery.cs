using System.Text.Json;
using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain.Goals;

/// <summary>
/// perform_goal_user_goals: one user's goals (the caller's own when no user filter is given),
/// in Totara's default order (newest first, then target date, then name), paged with an
/// offset cursor of Totara's default 20 per page.
/// </summary>
public static class UserGoalsQuery
{
    public const int DefaultPageSize = 20;

    public static PageResult<GoalView> Run(EmulatorState state, IReadOnlyDictionary<string, object?>? input, long actorId)
    {
        var filters = GraphInput.AsObject(GraphInput.Get(input, "filters"));
        var userReference = GraphInput.AsObject(GraphInput.Get(filters, "user"));
        var userId = userReference is null ? actorId : LearningUsers.Resolve(state, userReference).Id;

        var goals = state.Goals.ForUser(userId)
            .OrderByDescending(g => g.CreatedAt)
            .ThenBy(g => g.TargetDate)
            .ThenBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
            .ThenByDescending(g => g.Id)
            .ToList();

        var pagination = GraphInput.AsObject(GraphInput.Get(input, "pagination"));
        var limit = (int)(GraphInput.Long(pagination, "limit") ?? 0);
        var page = 1;
        var cursorText = GraphInput.String(pagination, "cursor");
        if (!string.IsNullOrEmpty(cursorText))
        {
            var cursor = PageCursor.Decode(cursorText);
            limit = cursor.Limit;
            page = cursor.Columns.TryGetValue("page", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : 1;
        }

        if (limit <= 0)
        {
            limit = DefaultPageSize;
        }

        if (page < 1)
        {
            throw new TotaraApiException(PageCursor.InvalidCursor);
        }

        var items = goals.Skip((page - 1) * limit).Take(limit).Select(g => new GoalView(g)).ToList();
        var hasMore = goals.Count > page * limit;
        var next = hasMore ? PageCursor.Encode(limit, new Dictionary<string, object?> { ["page"] = page + 1 }) : "";
        return new PageResult<GoalView>(items, goals.Count, next);
    }
}

using GraphQL.Utilities;
using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain.Goals;

/// <summary>The goal, its raw data and the caller's permissions: perform_goal_crud_result / perform_goal_view_result.</summary>
public sealed record GoalView(GoalRecord Goal)
{
    // The service account manages goals on the site's behalf (it holds the goal capabilities).
    public GoalPermissions Permissions { get; } = new(true, true);
}

public sealed record GoalPermissions(bool CanManage, bool CanUpdateStatus);

public sealed record GoalDeleted(bool Success);

public sealed record GoalProgress(double CurrentValue, GoalStatus Status);

/// <summary>All perform_goal_* operations and types.</summary>
public sealed class GoalResolvers : IResolverModule
{
    public void Register(TypeSettings types, EmulatorState state)
    {
        var goals = new GoalService(state);
        types.Root("Query", "perform_goal_user_goals", ctx => UserGoalsQuery.Run(state, ctx.ObjectArgument("input"), ctx.ActorId()));
        types.Root("Query", "perform_goal_view_goal", ctx => new GoalView(goals.Resolve(ctx.ObjectArgument("goal_reference"))));
        types.Root("Mutation", "perform_goal_create_goal", ctx => new GoalView(goals.Create(ctx.ObjectArgument("input"), ctx.ActorId(), LearningClock.Now(state))));
        types.Root("Mutation", "perform_goal_update_goal", ctx =>
        {
            var goal = goals.Resolve(ctx.ObjectArgument("goal_reference"));
            return new GoalView(goals.Update(goal, ctx.ObjectArgument("input"), LearningClock.Now(state)));
        });
        types.Root("Mutation", "perform_goal_update_progress", ctx =>
        {
            var goal = goals.Resolve(ctx.ObjectArgument("goal_reference"));
            var updated = goals.UpdateProgress(goal, ctx.ObjectArgument("input"), LearningClock.Now(state));
            return new GoalProgress(updated.CurrentValue, GoalStatuses.Get(updated.Status));
        });
        types.Root("Mutation", "perform_goal_delete_goal", ctx =>
        {
            var goal = goals.Resolve(ctx.ObjectArgument("goal_reference"));
            return new GoalDeleted(state.Goals.Delete(goal.Id));
        });

        foreach (var name in new[] { "perform_goal_crud_result", "perform_goal_view_result" })
        {
            var result = types.For(name);
            result.Field<GoalView>("goal", v => v.Goal);
            result.Field<GoalView>("raw", v => v.Goal);
            result.Field<GoalView>("permissions", v => v.Permissions);
        }

        var item = types.For("perform_goal_user_goals_result_item");
        item.Field<GoalView>("goal", v => v.Goal);
        item.Field<GoalView>("permissions", v => v.Permissions);

        var page = types.For("perform_goal_user_goals_result");
        page.IsTypeOfFunc = o => o is PageResult<GoalView>;
        page.Field<PageResult<GoalView>>("items", p => p.Items);
        page.Field<PageResult<GoalView>>("total", p => p.Total);
        page.Field<PageResult<GoalView>>("next_cursor", p => p.NextCursor);

        types.For("perform_goal_delete_result").Field<GoalDeleted>("success", r => r.Success);
        var progress = types.For("perform_goal_update_progress_result");
        progress.Field<GoalProgress>("current_value", p => p.CurrentValue);
        progress.Field<GoalProgress>("status", p => p.Status);

        var status = types.For("perform_goal_status");
        status.Field<GoalStatus>("id", s => s.Id);
        status.Field<GoalStatus>("label", s => s.Label);

        var permissions = types.For("perform_goal_permissions");
        permissions.Field<GoalPermissions>("can_manage", p => p.CanManage);
        permissions.Field<GoalPermissions>("can_update_status", p => p.CanUpdateStatus);

        var raw = types.For("perform_goal_goal_raw_data");
        raw.Field<GoalRecord>("available_statuses", g => GoalStatuses.All);
        raw.Text<GoalRecord>("description", g => g.Description);

        RegisterGoal(types.For("perform_goal_goal"), state);
    }

    private static void RegisterGoal(TypeConfig goal, EmulatorState state)
    {
        goal.IsTypeOfFunc = o => o is GoalRecord;
        goal.Field<GoalRecord>("id", g => g.Id);
        goal.Field<GoalRecord>("context_id", g => g.ContextId);
        goal.Field<GoalRecord>("category_id", g => g.CategoryId);
        goal.Field<GoalRecord>("owner", g => state.Users.GetById(g.OwnerId));
        goal.Field<GoalRecord>("user", g => state.Users.GetById(g.UserId));
        goal.Text<GoalRecord>("name", g => g.Name);
        goal.Field<GoalRecord>("id_number", g => g.IdNumber);
        goal.Text<GoalRecord>("description", g => g.Description);
        goal.Field<GoalRecord>("assignment_type", g => g.AssignmentType);
        goal.Field<GoalRecord>("plugin_name", g => g.PluginName);
        goal.Date<GoalRecord>("start_date", g => g.StartDate);
        goal.Field<GoalRecord>("target_type", g => g.TargetType);
        goal.Date<GoalRecord>("target_date", g => g.TargetDate);
        goal.Field<GoalRecord>("target_value", g => g.TargetValue);
        goal.Field<GoalRecord>("current_value", g => g.CurrentValue);
        goal.Date<GoalRecord>("current_value_updated_at", g => g.CurrentValueUpdatedAt);
        goal.Field<GoalRecord>("status", g => GoalStatuses.Get(g.Status));
        goal.Date<GoalRecord>("status_updated_at", g => g.StatusUpdatedAt);
        goal.Date<GoalRecord>("closed_at", g => g.ClosedAt);
        goal.Date<GoalRecord>("created_at", g => g.CreatedAt);
        goal.Date<GoalRecord>("updated_at", g => g.UpdatedAt);
    }
}

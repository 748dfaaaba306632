using System.Globalization;
using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain.Goals;

/// <summary>
/// The rules of Totara 18's perform_goal mutations (create_goal, update_goal, update_progress,
/// delete_goal and the goal model's validation), with their error texts. Totara raises most of
/// these as coding_exception, whose message carries the "Coding error detected" prefix.
/// </summary>
public sealed class GoalService
{
    public const string NotFound = "Can not find record";
    private const string CodingErrorPrefix = "Coding error detected, it must be fixed by a programmer: ";
    private const int NameMaxLength = 1024;
    private const double MaxValue = 99999;

    private readonly EmulatorState _state;

    public GoalService(EmulatorState state) => _state = state;

    public GoalRecord Create(IReadOnlyDictionary<string, object?>? input, long actorId, long now)
    {
        var rawName = GraphInput.String(input, "name") ?? throw CodingError("Invalid or missing name.");
        var userReference = GraphInput.AsObject(GraphInput.Get(input, "user"));
        var user = userReference is null ? null : LearningUsers.Resolve(_state, userReference);
        var ownerReference = GraphInput.AsObject(GraphInput.Get(input, "owner"));
        var owner = ownerReference is null ? null : LearningUsers.Resolve(_state, ownerReference);
        var contextId = ResolveContext(GraphInput.Long(input, "context_id"), user);
        if (user is null)
        {
            throw CodingError("Only personal goals are implemented currently.");
        }

        var name = rawName.Trim();
        ValidateName(name);
        var idNumber = GraphInput.String(input, "id_number");
        var status = GraphInput.String(input, "status") ?? "not_started";
        ValidateStatus(status);
        var targetType = GraphInput.String(input, "target_type") ?? "date";
        ValidateTargetType(targetType);
        var startDate = GraphInput.Date(input, "start_date") ?? 0;
        var targetDate = GraphInput.Date(input, "target_date") ?? 0;
        ValidateDates(startDate, targetDate);
        var currentValue = ValidateValue(GraphInput.Double(input, "current_value") ?? 0.0, "current");
        var targetValue = ValidateValue(GraphInput.Double(input, "target_value"), "target");

        return _state.Goals.Add(goal =>
        {
            goal.ContextId = contextId;
            goal.OwnerId = owner?.Id ?? actorId;
            goal.UserId = user.Id;
            goal.Name = name;
            goal.IdNumber = idNumber;
            goal.Description = GraphInput.String(input, "description");
            goal.StartDate = startDate;
            goal.TargetType = targetType;
            goal.TargetDate = targetDate;
            goal.TargetValue = targetValue;
            goal.CurrentValue = currentValue;
            goal.CurrentValueUpdatedAt = now;
            goal.Status = status;
            goal.StatusUpdatedAt = now;
            goal.ClosedAt = GoalStatuses.IsClosed(status) ? now : null;
            goal.CreatedAt = now;
            goal.UpdatedAt = now;
        }, store => ValidateIdNumber(store, idNumber));
    }

    public GoalRecord Update(GoalRecord goal, IReadOnlyDictionary<string, object?>? input, long now)
    {
        var name = GraphInput.String(input, "name")?.Trim();
        if (name is not null)
        {
            ValidateName(name);
        }

        var idNumber = GraphInput.String(input, "id_number");
        var targetType = GraphInput.String(input, "target_type");
        if (targetType is not null)
        {
            ValidateTargetType(targetType);
        }

        var startDate = GraphInput.Date(input, "start_date");
        var targetDate = GraphInput.Date(input, "target_date");
        ValidateDates(startDate ?? goal.StartDate, targetDate ?? goal.TargetDate);
        var targetValue = GraphInput.Double(input, "target_value");
        if (targetValue is not null)
        {
            ValidateValue(targetValue, "target");
        }

        var description = GraphInput.String(input, "description");
        // Totara checks id_number against every goal, this one included: resending the goal's own
        // id_number is refused, so clients send it only when it changes.
        return _state.Goals.Update(goal.Id, g =>
        {
            g.Name = name ?? g.Name;
            g.IdNumber = idNumber ?? g.IdNumber;
            g.Description = description ?? g.Description;
            g.StartDate = startDate ?? g.StartDate;
            g.TargetType = targetType ?? g.TargetType;
            g.TargetDate = targetDate ?? g.TargetDate;
            g.TargetValue = targetValue ?? g.TargetValue;
            g.UpdatedAt = now;
        }, store => ValidateIdNumber(store, idNumber));
    }

    public GoalRecord UpdateProgress(GoalRecord goal, IReadOnlyDictionary<string, object?>? input, long now)
    {
        var status = GraphInput.String(input, "status") ?? throw CodingError("Invalid status: ");
        ValidateStatus(status);
        var currentValue = ValidateValue(GraphInput.Double(input, "current_value"), "current");
        return _state.Goals.Update(goal.Id, g =>
        {
            if (g.Status != status)
            {
                if (GoalStatuses.IsClosed(status) && g.ClosedAt is null)
                {
                    g.ClosedAt = now;
                }

                g.Status = status;
                g.StatusUpdatedAt = now;
            }

            if (Math.Abs(g.CurrentValue - currentValue) > double.Epsilon)
            {
                g.CurrentValue = currentValue;
                g.CurrentValueUpdatedAt = now;
            }

            g.UpdatedAt = now;
        });
    }

    /// <summary>
    /// Finds the goal a perform_goal_reference names: id and id_number are ANDed and exactly one
    /// goal must match, else Totara's "Can not find record".
    /// </summary>
    public GoalRecord Resolve(IReadOnlyDictionary<string, object?>? reference)
    {
        var id = GraphInput.Long(reference, "id");
        var idNumber = GraphInput.String(reference, "id_number");
        if (id is null && idNumber is null)
        {
            throw new TotaraApiException(NotFound);
        }

        var matches = _state.Goals.Find(id, idNumber);
        return matches.Count == 1 ? matches[0] : throw new TotaraApiException(NotFound);
    }

    private long ResolveContext(long? contextId, UserRecord? user)
    {
        if (contextId is null)
        {
            return user is null ? GoalStatuses.SystemContextId : GoalStatuses.UserContextId(user.Id);
        }

        var isUserContext = contextId > GoalStatuses.UserContextBase && _state.Users.GetById(contextId.Value - GoalStatuses.UserContextBase) is not null;
        return contextId == GoalStatuses.SystemContextId || isUserContext
            ? contextId.Value
            : throw CodingError("Invalid or missing context_id");
    }

    private static void ValidateName(string name)
    {
        if (name.Length == 0)
        {
            throw CodingError("Goal must have a name.");
        }

        if (name.Length > NameMaxLength)
        {
            throw CodingError($"Goal name must not be longer than {NameMaxLength} characters.");
        }
    }

    private static void ValidateIdNumber(GoalStore store, string? idNumber)
    {
        if (idNumber is not null && store.IdNumberExists(idNumber))
        {
            throw CodingError("id_number already exists: " + idNumber);
        }
    }

    private static void ValidateStatus(string status)
    {
        if (!GoalStatuses.IsValid(status))
        {
            throw CodingError("Invalid status: " + status);
        }
    }

    private static void ValidateTargetType(string targetType)
    {
        if (targetType != "date")
        {
            throw CodingError("Invalid target_type value: " + targetType + ".");
        }
    }

    private static void ValidateDates(long startDate, long targetDate)
    {
        if (startDate > targetDate)
        {
            throw CodingError("The goal start date must before the target_date.");
        }
    }

    private static double ValidateValue(double? value, string tag)
    {
        if (value is not { } v || double.IsNaN(v) || v < 0 || v > MaxValue)
        {
            var shown = value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
            throw CodingError($"Invalid {tag} value: {shown}");
        }

        return v;
    }

    private static TotaraApiException CodingError(string message) => new(CodingErrorPrefix + message);
}

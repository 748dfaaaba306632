namespace Totara.Emulator.Domain.Courses;

/// <summary>
/// The single place where the learning area turns a core_user_user_reference into a user: it
/// delegates to the people area's <see cref="UserReference"/>, so both areas answer a bad
/// reference with the same Totara wording.
/// </summary>
public static class LearningUsers
{
    public static UserRecord Resolve(EmulatorState state, IReadOnlyDictionary<string, object?>? reference) =>
        UserReference.Resolve(state.Users, reference);
}

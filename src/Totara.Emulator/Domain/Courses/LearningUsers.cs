using Totara.Emulator.Api;

namespace Totara.Emulator.Domain.Courses;

/// <summary>
/// The single place where the learning area turns a core_user_user_reference into a user.
/// Interim: resolves against the user store with Totara's user_record_reference wording until
/// the people area's shared resolver is available, then this delegates to it.
/// </summary>
public static class LearningUsers
{
    public static UserRecord Resolve(EmulatorState state, IReadOnlyDictionary<string, object?>? reference)
    {
        var id = GraphInput.Long(reference, "id");
        var username = GraphInput.String(reference, "username");
        var idNumber = GraphInput.String(reference, "idnumber");
        var email = GraphInput.String(reference, "email");
        if (id is null or 0 && username is null && idNumber is null && email is null)
        {
            throw new TotaraApiException("User reference columns are not being passed.");
        }

        IEnumerable<UserRecord> candidates;
        if (id is > 0)
        {
            candidates = state.Users.GetById(id.Value) is { } byId ? new[] { byId } : Array.Empty<UserRecord>();
        }
        else if (username is not null)
        {
            candidates = state.Users.GetByUsername(username) is { } byName ? new[] { byName } : Array.Empty<UserRecord>();
        }
        else if (idNumber is not null)
        {
            candidates = state.Users.FindByIdNumber(idNumber);
        }
        else
        {
            candidates = state.Users.FindByEmail(email!);
        }

        var matches = candidates.Where(u =>
            (username is null || string.Equals(u.Username, username, StringComparison.OrdinalIgnoreCase)) &&
            (idNumber is null || string.Equals(u.IdNumber, idNumber, StringComparison.OrdinalIgnoreCase)) &&
            (email is null || string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase))).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new TotaraApiException("User reference not found"),
            _ => throw new TotaraApiException("User reference must resolve one record only"),
        };
    }
}

using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain;

/// <summary>
/// core_user_create_user / update_user / delete_user: validation, the protected accounts
/// (guest, admin, the caller's own service account) and the change itself. Validation and the
/// write happen under the user store's lock, so two concurrent creates cannot both take a username.
/// </summary>
public sealed class UserService
{
    private static readonly string[] PlainFields =
    {
        "idnumber", "firstnamephonetic", "lastnamephonetic", "middlename", "alternatename", "city", "description", "url",
        "skype", "institution", "department", "phone1", "phone2", "address", "country", "timezone", "lang", "theme",
    };

    private readonly EmulatorState _state;

    public UserService(EmulatorState state)
    {
        _state = state;
    }

    private UserStore Users => _state.Users;

    public UserRecord Create(IReadOnlyDictionary<string, object?> input)
    {
        lock (Users.Gate)
        {
            _state.UserValidation.Validate(input, null);
            var now = Courses.LearningClock.Now(_state);
            var user = new UserRecord
            {
                Id = Users.NextId(),
                Username = GraphInput.String(input, "username")!,
                Email = GraphInput.String(input, "email")!,
                FirstName = GraphInput.String(input, "firstname")!,
                LastName = GraphInput.String(input, "lastname")!,
                Auth = (GraphInput.String(input, "auth") ?? "manual").ToLowerInvariant(),
                DescriptionFormat = GraphInput.String(input, "descriptionformat") ?? "HTML",
                TimeCreated = now,
                TimeModified = now,
            };
            ApplyPlainFields(user, input);
            user.Suspended = GraphInput.Bool(input, "suspended") ?? false;
            user.HasPassword = UserValidator.IsInternalAuth(user.Auth) &&
                               (GraphInput.Has(input, "password") || GraphInput.Bool(input, "generate_password") == true);
            ApplyCustomFields(user, input);
            Users.Add(user);
            return user;
        }
    }

    public UserRecord Update(IReadOnlyDictionary<string, object?>? targetReference, IReadOnlyDictionary<string, object?> input, long actorId)
    {
        lock (Users.Gate)
        {
            var target = ResolveTarget(targetReference);
            var suspend = GraphInput.Bool(input, "suspended");
            RefusePassword(target, input);
            if (suspend is not null)
            {
                RefuseSuspension(target, suspend.Value, actorId);
            }

            _state.UserValidation.Validate(input, target);
            Users.Update(target, user =>
            {
                foreach (var (field, apply) in new (string, Action<string>)[]
                         {
                             ("username", v => user.Username = v), ("email", v => user.Email = v),
                             ("firstname", v => user.FirstName = v), ("lastname", v => user.LastName = v),
                             ("auth", v => user.Auth = v.ToLowerInvariant()), ("descriptionformat", v => user.DescriptionFormat = v),
                         })
                {
                    if (GraphInput.String(input, field) is { } value)
                    {
                        apply(value);
                    }
                }

                ApplyPlainFields(user, input);
                if (suspend is not null)
                {
                    user.Suspended = suspend.Value;
                }

                if (GraphInput.Has(input, "password") || GraphInput.Bool(input, "generate_password") == true)
                {
                    user.HasPassword = UserValidator.IsInternalAuth(user.Auth ?? "manual");
                }

                ApplyCustomFields(user, input);
                // core_user\userlib user_update_user: every update stamps timemodified, custom fields and suspension included.
                user.TimeModified = Courses.LearningClock.Now(_state);
            });
            return target;
        }
    }

    /// <summary>Deletes a user; returns its id. Its job assignments and audience memberships go with it.</summary>
    public long Delete(IReadOnlyDictionary<string, object?>? targetReference, long actorId)
    {
        UserRecord deleted;
        lock (Users.Gate)
        {
            var target = ResolveTarget(targetReference);
            // core\webapi\resolver\mutation\user_delete_user: the service account may not delete itself.
            if (target.Id == actorId)
            {
                throw new TotaraApiException("A service account user is not allowed to delete itself when making a request.");
            }

            if (target.Id == UserStore.GuestId || target.Username == "guest")
            {
                throw new TotaraApiException("For deleting a user: Guest user can not be specified for User.");
            }

            if (target.Id == UserStore.AdminId && target.Auth == "manual")
            {
                throw new TotaraApiException("For deleting a user: Admin user can not be specified for User.");
            }

            Users.MarkDeleted(target, Courses.LearningClock.Now(_state));
            deleted = target;
        }

        // Outside the user lock: the job store takes its lock first and users' second, never the reverse.
        _state.OnUserDeleted(deleted.Id);
        return deleted.Id;
    }

    // core\webapi\resolver\mutation\user_update_user: a password (any value, even empty) is refused
    // for the site admin and together with generate_password, before anything is validated.
    private static void RefusePassword(UserRecord target, IReadOnlyDictionary<string, object?> input)
    {
        if (!GraphInput.Has(input, "password"))
        {
            return;
        }

        if (target.Id == UserStore.AdminId)
        {
            throw new TotaraApiException("You can not update password for the admin user.");
        }

        if (GraphInput.Bool(input, "generate_password") == true)
        {
            throw new TotaraApiException("You cannot set new password and generate password at the same time.");
        }
    }

    // core\webapi\resolver\mutation\user_update_user: isset($input['suspended']) is true for false as
    // well, so any update that carries suspended is refused for the admin; self-suspension only when true.
    private static void RefuseSuspension(UserRecord target, bool suspend, long actorId)
    {
        if (target.Id == UserStore.AdminId)
        {
            throw new TotaraApiException("The admin user cannot be suspended.");
        }

        if (target.Id == actorId && suspend)
        {
            throw new TotaraApiException("A service account user is not allowed to suspend itself when making a request.");
        }

        if (target.Id == UserStore.GuestId && suspend && !target.Suspended)
        {
            throw new TotaraApiException("Guest user can not be suspended.");
        }
    }

    private static void ApplyPlainFields(UserRecord user, IReadOnlyDictionary<string, object?> input)
    {
        foreach (var field in PlainFields)
        {
            if (!GraphInput.Has(input, field))
            {
                continue;
            }

            var value = GraphInput.String(input, field);
            switch (field)
            {
                case "idnumber": user.IdNumber = value; break;
                case "firstnamephonetic": user.FirstNamePhonetic = value; break;
                case "lastnamephonetic": user.LastNamePhonetic = value; break;
                case "middlename": user.MiddleName = value; break;
                case "alternatename": user.AlternateName = value; break;
                case "city": user.City = value; break;
                case "description": user.Description = value; break;
                case "url": user.Url = value; break;
                case "skype": user.Skype = value; break;
                case "institution": user.Institution = value; break;
                case "department": user.Department = value; break;
                case "phone1": user.Phone1 = value; break;
                case "phone2": user.Phone2 = value; break;
                case "address": user.Address = value; break;
                case "country": user.Country = value?.ToUpperInvariant(); break;
                case "timezone": user.Timezone = value; break;
                case "lang": user.Lang = value?.ToLowerInvariant(); break;
                case "theme": user.Theme = value?.ToLowerInvariant(); break;
            }
        }
    }

    private static void ApplyCustomFields(UserRecord user, IReadOnlyDictionary<string, object?> input)
    {
        // Later entries for the same shortname win, as Totara's restructure_custom_field_inputs does.
        foreach (var entry in UserValidator.CustomFieldInputs(input))
        {
            var shortName = GraphInput.String(entry, "shortname")!;
            if (GraphInput.Bool(entry, "delete") == true)
            {
                user.CustomFields.Remove(shortName);
            }
            else
            {
                user.CustomFields[shortName] = GraphInput.String(entry, "data") ?? "";
            }
        }
    }

    // core\webapi\resolver\mutation\update_user and delete_user catch unresolved_record_reference
    // and throw one text for every reference failure (not found, ambiguous, no columns).
    public const string NoSingleUserMatch = "There was a problem finding a single user record match or you do not have sufficient capabilities.";

    private UserRecord ResolveTarget(IReadOnlyDictionary<string, object?>? targetReference)
    {
        try
        {
            return _state.ResolveUser(targetReference);
        }
        catch (TotaraApiException)
        {
            throw new TotaraApiException(NoSingleUserMatch);
        }
    }
}

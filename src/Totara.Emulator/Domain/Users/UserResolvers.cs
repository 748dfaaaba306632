using GraphQL.Utilities;
using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain.Users;

/// <summary>
/// core_user_user, core_user_users, core_user_create_user / update_user / delete_user and the
/// core_user output type (with custom_fields and job_assignments).
/// </summary>
public sealed class UserResolvers : IResolverModule
{
    public void Register(TypeSettings types, EmulatorState state)
    {
        var service = new UserService(state);
        types.Root("Query", "core_user_user", ctx => new UserResult(state.ResolveUser(ctx.ObjectArgument("reference"))));
        types.Root("Query", "core_user_users", ctx => UserListQuery.Run(state.Users, ctx.ObjectArgument("query")));
        types.Root("Mutation", "core_user_create_user", ctx => new UserResult(service.Create(Input(ctx.ObjectArgument("input")))));
        types.Root("Mutation", "core_user_update_user", ctx =>
            new UserResult(service.Update(ctx.ObjectArgument("target_user"), Input(ctx.ObjectArgument("input")), ctx.ActorId())));
        types.Root("Mutation", "core_user_delete_user", ctx => new DeletedUser(service.Delete(ctx.ObjectArgument("target_user"), ctx.ActorId())));

        types.For("core_user_user_result").Field<UserResult>("user", r => r.User);
        types.For("core_user_delete_user_result").Field<DeletedUser>("user_id", r => r.UserId);

        var page = types.For("core_user_users_result");
        page.IsTypeOfFunc = o => o is PageResult<UserRecord>;
        page.Field<PageResult<UserRecord>>("items", p => p.Items);
        page.Field<PageResult<UserRecord>>("total", p => p.Total);
        page.Field<PageResult<UserRecord>>("next_cursor", p => p.NextCursor);

        RegisterUser(types.For("core_user"), state);

        var custom = types.For("core_user_custom_field");
        custom.Field<CustomFieldValue>("shortname", f => f.ShortName);
        custom.Field<CustomFieldValue>("data", f => f.Data);
        custom.Field<CustomFieldValue>("data_format", f => f.DataType is "textarea" ? 1 : (int?)null);
        custom.Field<CustomFieldValue>("data_type", f => f.DataType);
    }

    private static void RegisterUser(TypeConfig user, EmulatorState state)
    {
        user.IsTypeOfFunc = o => o is UserRecord;
        user.Field<UserRecord>("id", u => u.Id);
        user.Field<UserRecord>("idnumber", u => u.IdNumber);
        user.Text<UserRecord>("username", u => u.Username);
        user.Text<UserRecord>("fullname", u => u.FullName);
        user.Text<UserRecord>("firstname", u => u.FirstName);
        user.Text<UserRecord>("lastname", u => u.LastName);
        user.Text<UserRecord>("middlename", u => u.MiddleName);
        user.Text<UserRecord>("alternatename", u => u.AlternateName);
        user.Field<UserRecord>("firstnamephonetic", u => u.FirstNamePhonetic);
        user.Field<UserRecord>("lastnamephonetic", u => u.LastNamePhonetic);
        user.Field<UserRecord>("email", u => u.Email);
        user.Text<UserRecord>("address", u => u.Address);
        user.Text<UserRecord>("phone1", u => u.Phone1);
        user.Text<UserRecord>("phone2", u => u.Phone2);
        user.Text<UserRecord>("department", u => u.Department);
        user.Text<UserRecord>("institution", u => u.Institution);
        user.Text<UserRecord>("city", u => u.City);
        user.Field<UserRecord>("country", u => u.Country);
        user.Text<UserRecord>("description", u => u.Description);
        user.Field<UserRecord>("descriptionformat", u => u.DescriptionFormat);
        user.Field<UserRecord>("profileimageurl", _ => null);
        user.Field<UserRecord>("profileimageurlsmall", _ => null);
        user.Text<UserRecord>("profileimagealt", _ => null);
        user.Field<UserRecord>("lang", u => u.Lang);
        user.Field<UserRecord>("theme", u => u.Theme);
        user.Field<UserRecord>("suspended", u => u.Suspended);
        user.Field<UserRecord>("timezone", u => u.Timezone);
        user.Field<UserRecord>("interests", _ => null);
        user.Date<UserRecord>("firstaccess", u => u.FirstAccess == 0 ? null : u.FirstAccess);
        user.Date<UserRecord>("lastaccess", u => u.LastAccess == 0 ? null : u.LastAccess);
        user.Text<UserRecord>("url", u => u.Url);
        user.Text<UserRecord>("skype", u => u.Skype);
        user.Field<UserRecord>("custom_fields", u => u.CustomFields
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => new CustomFieldValue(f.Key, f.Value ?? "", state.UserProfileFields.Find(f.Key)?.DataType ?? "text"))
            .ToList());
        user.Field<UserRecord>("job_assignments", u => state.Jobs.ForUser(u.Id));
    }

    private static IReadOnlyDictionary<string, object?> Input(IReadOnlyDictionary<string, object?>? input) =>
        input ?? new Dictionary<string, object?>();

    private sealed record UserResult(UserRecord User);

    private sealed record DeletedUser(long UserId);

    private sealed record CustomFieldValue(string ShortName, string Data, string DataType);
}

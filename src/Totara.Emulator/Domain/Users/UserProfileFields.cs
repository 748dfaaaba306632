namespace Totara.Emulator.Domain;

/// <summary>
/// A custom user profile field definition (Totara's user_info_field). <paramref name="MaxLength"/> is
/// a text field's param2 (2048 by default, as profilefield_text defines it).
/// </summary>
public sealed record UserProfileField(string ShortName, string Name, string DataType, int MaxLength = 2048);

/// <summary>
/// The site's custom user profile fields by shortname. The API sets values by shortname and
/// refuses unknown shortnames, so the definitions must be known before users carry values.
/// </summary>
public sealed class UserProfileFields
{
    private readonly object _gate = new();
    private readonly Dictionary<string, UserProfileField> _byShortName = new(StringComparer.Ordinal);

    public void Define(UserProfileField field)
    {
        lock (_gate)
        {
            _byShortName[field.ShortName] = field;
        }
    }

    public UserProfileField? Find(string shortName)
    {
        lock (_gate)
        {
            return _byShortName.TryGetValue(shortName, out var field) ? field : null;
        }
    }
}

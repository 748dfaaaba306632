using System.Text.RegularExpressions;
using Totara.Emulator.Api;
using Totara.Emulator.Domain.Courses;

namespace Totara.Emulator.Domain;

/// <summary>
/// Checks a core_user_create_user / core_user_update_user input the way Totara's
/// user_field_validator does, in the same order and with the same messages, so the first
/// problem Totara would report is the one reported here.
/// </summary>
public sealed partial class UserValidator
{
    private const string CodingError = "Coding error detected, it must be fixed by a programmer: ";

    private static readonly (string Field, int Max)[] MaxLengths =
    {
        ("username", 100), ("idnumber", 255), ("firstname", 100), ("lastname", 200), ("email", 100),
        ("skype", 50), ("phone1", 20), ("phone2", 20), ("institution", 255), ("department", 255),
        ("address", 255), ("city", 120), ("url", 255), ("lastnamephonetic", 255), ("firstnamephonetic", 255),
        ("middlename", 255), ("alternatename", 255),
    };

    /// <summary>Auth plugins of a standard Totara 18 install; the internal ones keep a password hash.</summary>
    public static readonly HashSet<string> AuthPlugins = new(StringComparer.Ordinal)
    {
        "approved", "cas", "connect", "db", "email", "ldap", "lti", "manual", "mnet", "nologin", "none", "oauth2", "shibboleth", "webservice",
    };

    private static readonly HashSet<string> InternalAuth = new(StringComparer.Ordinal) { "manual", "email", "approved", "none", "webservice" };
    private static readonly string[] Languages = { "en" };
    private static readonly string[] Formats = { "HTML", "PLAIN", "RAW", "MARKDOWN", "JSON_EDITOR", "MOBILE" };

    private readonly UserStore _users;
    private readonly UserProfileFields _fields;

    public UserValidator(UserStore users, UserProfileFields fields)
    {
        _users = users;
        _fields = fields;
    }

    /// <summary>Site setting allowaccountssameemail (off by default).</summary>
    public bool AllowAccountsSameEmail { get; set; }

    /// <summary>Site setting passwordpolicy (on by default; admin/settings/security.php).</summary>
    public bool PasswordPolicyEnabled { get; set; } = true;

    public static bool IsInternalAuth(string auth) => InternalAuth.Contains(auth);

    /// <summary>Validates an input; <paramref name="target"/> is null when creating.</summary>
    public void Validate(IReadOnlyDictionary<string, object?> input, UserRecord? target)
    {
        if (target is null)
        {
            RequireFields(input);
        }

        foreach (var field in new[] { "username", "idnumber" })
        {
            var value = GraphInput.String(input, field);
            if (!string.IsNullOrWhiteSpace(value) && IsTaken(field, value, target))
            {
                throw Fail(char.ToUpperInvariant(field[0]) + field[1..] + " already exists: " + value);
            }
        }

        var url = GraphInput.String(input, "url");
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            throw Fail("Invalid url format: " + url);
        }

        var format = GraphInput.String(input, "descriptionformat");
        if (format is not null && !Formats.Contains(format))
        {
            throw Fail(CodingError + "Unsupported descriptionformat");
        }

        foreach (var field in new[] { "firstname", "lastname", "username", "email" })
        {
            if (input.ContainsKey(field) && string.IsNullOrWhiteSpace(GraphInput.String(input, field)))
            {
                throw Fail(char.ToUpperInvariant(field[0]) + field[1..] + " can not be blank");
            }
        }

        foreach (var (field, max) in MaxLengths)
        {
            var value = GraphInput.String(input, field);
            if (value is not null && value.Length > max)
            {
                throw Fail($"Field {value} should be less than {max} characters");
            }
        }

        ValidatePassword(input);

        ValidateUsernameCharacters(GraphInput.String(input, "username"));
        ValidateEmail(GraphInput.String(input, "email"), target);
        ValidateListValues(input);
        ValidateCustomFields(input, target);
    }

    // core_user\external\user_field_validator::validate_password: blank is a coding error even
    // without a policy; with the policy on, every failed rule is reported in one message.
    private void ValidatePassword(IReadOnlyDictionary<string, object?> input)
    {
        if (!input.ContainsKey("password"))
        {
            return;
        }

        var password = GraphInput.String(input, "password");
        if (string.IsNullOrEmpty(password))
        {
            throw Fail(CodingError + "Password cannot be blank");
        }

        var errors = PasswordPolicyEnabled ? PasswordPolicy.Errors(password) : Array.Empty<string>();
        if (errors.Count > 0)
        {
            throw Fail(string.Join(" ", errors));
        }
    }

    private void RequireFields(IReadOnlyDictionary<string, object?> input)
    {
        var required = new List<string> { "username", "email", "firstname", "lastname", "password" };
        var auth = GraphInput.String(input, "auth");
        if (GraphInput.Bool(input, "generate_password") == true || (auth is not null && !IsInternalAuth(auth.ToLowerInvariant())))
        {
            required.Remove("password");
        }

        foreach (var field in required.Where(f => !input.ContainsKey(f)))
        {
            throw Fail(CodingError + $"Required parameter - {field} not being passed");
        }
    }

    private bool IsTaken(string field, string value, UserRecord? target)
    {
        var holders = field == "username"
            ? (_users.GetByUsername(value) is { } u ? new[] { u } : Array.Empty<UserRecord>())
            : _users.FindByIdNumber(value);
        return holders.Any(u => target is null || u.Id != target.Id);
    }

    /// <summary>Moodle's user_create_user/user_update_user rules: lowercase only, PARAM_USERNAME characters.</summary>
    private static void ValidateUsernameCharacters(string? username)
    {
        if (username is null)
        {
            return;
        }

        if (!string.Equals(username, username.ToLowerInvariant(), StringComparison.Ordinal))
        {
            throw Fail("Only lowercase letters allowed");
        }

        if (!UsernamePattern().IsMatch(username) || username.Trim() != username)
        {
            throw Fail("The username can only contain alphanumeric lowercase characters (letters and numbers), underscore (_), hyphen (-), period (.) or at symbol (@).");
        }
    }

    private void ValidateEmail(string? email, UserRecord? target)
    {
        if (email is null)
        {
            return;
        }

        if (!EmailPattern().IsMatch(email))
        {
            throw Fail("Invalid email format: " + email);
        }

        if (!AllowAccountsSameEmail && _users.FindByEmail(email).Any(u => target is null || u.Id != target.Id))
        {
            throw Fail("Email address already exists: " + email);
        }
    }

    private static void ValidateListValues(IReadOnlyDictionary<string, object?> input)
    {
        var country = GraphInput.String(input, "country");
        if (country is not null && !CountryPattern().IsMatch(country))
        {
            throw Fail("Country does not exist: " + country);
        }

        var timezone = GraphInput.String(input, "timezone");
        if (timezone is not null && timezone != "99" && !TimeZoneInfo.TryFindSystemTimeZoneById(timezone, out _))
        {
            throw Fail("Timezone does not exist: " + timezone);
        }

        var lang = GraphInput.String(input, "lang");
        if (lang is not null && !Languages.Contains(lang))
        {
            throw Fail("Language does not exist: " + lang);
        }

        var theme = GraphInput.String(input, "theme");
        if (theme is not null && theme is not ("ventura" or "inspire" or "legacy"))
        {
            throw Fail("Theme does not exist: " + theme);
        }

        var calendar = GraphInput.String(input, "calendartype");
        if (calendar is not null && calendar != "gregorian")
        {
            throw Fail("Calendartype does not exist: " + calendar);
        }

        var auth = GraphInput.String(input, "auth");
        if (auth is not null && !AuthPlugins.Contains(auth))
        {
            throw Fail("Auth plugin does not exist: " + auth);
        }
    }

    private void ValidateCustomFields(IReadOnlyDictionary<string, object?> input, UserRecord? target)
    {
        foreach (var entry in CustomFieldInputs(input))
        {
            var delete = GraphInput.Bool(entry, "delete") == true;
            if (target is null && delete)
            {
                throw Fail("Can not delete custom field on creating.");
            }

            if (target is not null && delete && (GraphInput.Has(entry, "data") || GraphInput.Has(entry, "data_format")))
            {
                throw Fail("Can not set data or data_format with deleting custom field on updating.");
            }

            var shortName = GraphInput.String(entry, "shortname") ?? "";
            var field = _fields.Find(shortName) ?? throw Fail("The custom field does not exist.");

            if (target is not null && delete && !target.CustomFields.ContainsKey(shortName))
            {
                throw Fail("Can not delete the custom field value, as it does not exist.");
            }

            // core_user\external\user_field_validator::validate_custom_field_from_inputs: each data type checks its value.
            if (!delete)
            {
                CustomFieldDataRules.Check(field, entry);
            }
        }
    }

    public static IEnumerable<IReadOnlyDictionary<string, object?>> CustomFieldInputs(IReadOnlyDictionary<string, object?> input) =>
        GraphInput.Get(input, "custom_fields") is IEnumerable<object?> list
            ? list.Select(GraphInput.AsObject).OfType<IReadOnlyDictionary<string, object?>>()
            : Enumerable.Empty<IReadOnlyDictionary<string, object?>>();

    private static TotaraApiException Fail(string message) => new(message);

    [GeneratedRegex(@"^[a-z0-9_\-.@]+$")]
    private static partial Regex UsernamePattern();

    // Moodle's validate_email: a dotted local part, an @, and a dotted domain with a letter TLD.
    [GeneratedRegex(@"^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-zA-Z0-9!#$%&'*+/=?^_`{|}~-]+)*@([a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?\.)+[a-zA-Z]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();
}

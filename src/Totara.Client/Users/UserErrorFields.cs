using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace Totara.Client.Users;

/// <summary>
/// Finds the field a Totara user error is about, from the site's own messages (its user
/// validator's texts, GraphQL's variable errors), so an error can name the field to fix.
/// Returns null when the message names no single field.
/// </summary>
public static class UserErrorFields
{
    private static readonly (Regex Pattern, string Field)[] Known =
    {
        (Rx("^Username already exists"), "username"),
        (Rx("^Idnumber already exists"), "idnumber"),
        (Rx("^Email address already exists"), "email"),
        (Rx("^Invalid email format"), "email"),
        (Rx("^Invalid url format"), "url"),
        (Rx("Unsupported descriptionformat"), "descriptionformat"),
        (Rx("^Only lowercase letters allowed"), "username"),
        (Rx("^The username can only contain"), "username"),
        (Rx("Password cannot be blank"), "password"),
        (Rx("^Passwords must "), "password"),
        (Rx("password for the admin user"), "password"),
        (Rx("set new password and generate password"), "password"),
        (Rx("^Country does not exist"), "country"),
        (Rx("^Timezone does not exist"), "timezone"),
        (Rx("^Language does not exist"), "lang"),
        (Rx("^Theme does not exist"), "theme"),
        (Rx("^Calendartype does not exist"), "calendartype"),
        (Rx("^Auth plugin does not exist"), "auth"),
        (Rx("custom field"), "custom_fields"),
        (Rx("not allowed to suspend itself"), "suspended"),
        (Rx("can ?not be suspended"), "suspended"),
    };

    private static readonly Regex Blank = Rx("^(Firstname|Lastname|Username|Email) can not be blank");
    private static readonly Regex Required = Rx("Required parameter - (\\w+) not being passed");
    private static readonly Regex TooLong = Rx("^Field (.*) should be less than \\d+ characters");
    private static readonly Regex QuotedName = Rx("[\"'](\\w+)[\"']");

    /// <summary>The API field <paramref name="message"/> is about, or null.</summary>
    /// <param name="message">The site's real text (<see cref="TotaraGraphQLError.Text"/>); null or empty gives null.</param>
    /// <param name="change">The input that was sent: lets "Field &lt;value&gt; is too long" name its field.</param>
    public static string? Find(string? message, UserChange? change = null)
    {
        if (string.IsNullOrEmpty(message)) return null;
        foreach (var (pattern, field) in Known)
            if (pattern.IsMatch(message)) return field;

        var blank = Blank.Match(message);
        if (blank.Success) return blank.Groups[1].Value.ToLowerInvariant();

        var required = Required.Match(message);
        if (required.Success) return required.Groups[1].Value;

        var tooLong = TooLong.Match(message);
        if (tooLong.Success && change is not null)
            return UserChange.TextFields.FirstOrDefault(f => change.GetText(f) == tooLong.Groups[1].Value);

        // GraphQL's own errors quote the input field they are about: ... at "email" / Field "firstname" ...
        foreach (Match quoted in QuotedName.Matches(message))
        {
            var name = quoted.Groups[1].Value;
            if (UserChange.TextFields.Contains(name, StringComparer.Ordinal) || UserChange.FlagFields.Contains(name, StringComparer.Ordinal)
                || name == UserChange.PasswordField || name == UserChange.CustomFieldsField)
                return name;
        }
        return null;
    }

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
}

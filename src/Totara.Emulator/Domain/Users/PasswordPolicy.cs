namespace Totara.Emulator.Domain;

/// <summary>
/// The site password policy, as Moodle's get_password_policy_errors() (lib/moodlelib.php)
/// applies it with Totara's defaults from admin/settings/security.php: policy on, at least 8
/// characters, 1 digit, 1 lower case, 1 upper case and 1 non-alphanumeric character.
/// Every failed rule gives its auth.php string; user_field_validator::validate_password joins
/// them with spaces into one error.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MinDigits = 1;
    public const int MinLower = 1;
    public const int MinUpper = 1;
    public const int MinNonAlphanumeric = 1;

    /// <summary>The policy's complaints about <paramref name="password"/>, in Moodle's order; empty when it passes.</summary>
    public static IReadOnlyList<string> Errors(string password)
    {
        var errors = new List<string>();
        if (CountTextElements(password) < MinLength)
        {
            errors.Add($"Passwords must be at least {MinLength} characters long.");
        }

        if (password.Count(char.IsDigit) < MinDigits)
        {
            errors.Add($"Passwords must have at least {MinDigits} digit(s).");
        }

        if (password.Count(char.IsLower) < MinLower)
        {
            errors.Add($"Passwords must have at least {MinLower} lower case letter(s).");
        }

        if (password.Count(char.IsUpper) < MinUpper)
        {
            errors.Add($"Passwords must have at least {MinUpper} upper case letter(s).");
        }

        // PHP's /[^[:upper:][:lower:][:digit:]]/u: anything that is not a letter of either case or a digit.
        if (password.Count(c => !char.IsUpper(c) && !char.IsLower(c) && !char.IsDigit(c)) < MinNonAlphanumeric)
        {
            errors.Add($"Passwords must have at least {MinNonAlphanumeric} non-alphanumeric character(s) such as as *, -, or #.");
        }

        return errors;
    }

    // core_text::strlen counts characters, not UTF-16 units.
    private static int CountTextElements(string text) => new System.Globalization.StringInfo(text).LengthInTextElements;
}

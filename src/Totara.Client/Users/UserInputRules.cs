using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Totara.Client.Users;

/// <summary>
/// Checks a <see cref="UserChange"/> before it is sent, with the rules Totara's user validator
/// applies (required fields, lower-case usernames, email shape, maximum lengths, country codes).
/// A record refused here costs no request, and cannot fail inside a batch, where one failure
/// makes the site drop the data of the whole answer and the client has to check the others.
/// </summary>
public static class UserInputRules
{
    // Totara's user_field_validator limits (characters).
    private static readonly Dictionary<string, int> MaxLengths = new(StringComparer.Ordinal)
    {
        ["username"] = 100, ["idnumber"] = 255, ["firstname"] = 100, ["lastname"] = 200, ["email"] = 100,
        ["skype"] = 50, ["phone1"] = 20, ["phone2"] = 20, ["institution"] = 255, ["department"] = 255,
        ["address"] = 255, ["city"] = 120, ["url"] = 255, ["lastnamephonetic"] = 255, ["firstnamephonetic"] = 255,
        ["middlename"] = 255, ["alternatename"] = 255,
    };

    private static readonly string[] RequiredOnCreate = { "username", "email", "firstname", "lastname" };
    private static readonly string[] NeverBlank = { "username", "email", "firstname", "lastname" };
    private static readonly HashSet<string> InternalAuth = new(StringComparer.OrdinalIgnoreCase) { "manual", "email", "approved", "none", "webservice" };

    private static readonly Regex UsernamePattern = new("^[a-z0-9_\\-.@]+$", RegexOptions.CultureInvariant);
    // Totara's validate_email: dot-separated atoms of these characters on both sides of the @, so no
    // leading, trailing or doubled dot in either part (Totara's own pattern lets the domain's tail have
    // doubled dots; no mail system takes them, so neither do we); and a top-level domain of letters.
    private const string EmailAtom = "[-!#$%&'*+/0-9=?A-Z^_`a-z{|}~]+";
    private static readonly Regex EmailPattern = new(
        $"^{EmailAtom}(\\.{EmailAtom})*@{EmailAtom}(\\.{EmailAtom})*\\.[A-Za-z]{{2,}}$", RegexOptions.CultureInvariant);
    private static readonly Regex CountryPattern = new("^[A-Z]{2}$", RegexOptions.CultureInvariant);

    /// <summary>The problems of a create input; empty when it may be sent.</summary>
    public static IReadOnlyList<UserInputProblem> CheckCreate(UserChange change)
    {
        if (change is null) throw new ArgumentNullException(nameof(change));
        var problems = new List<UserInputProblem>();
        foreach (var field in RequiredOnCreate.Where(f => string.IsNullOrWhiteSpace(change.GetText(f))))
            problems.Add(new UserInputProblem(field, $"{field} is required to create a user."));

        var auth = change.GetText("auth");
        var externalAuth = !string.IsNullOrEmpty(auth) && !InternalAuth.Contains(auth!);
        if (!change.HasPassword && change.GetFlag("generate_password") != true && !externalAuth)
            problems.Add(new UserInputProblem(UserChange.PasswordField,
                "password is required to create a user with internal authentication (or ask for a generated password)."));

        foreach (var deleted in change.CustomFields.Where(pair => pair.Value is null))
            problems.Add(new UserInputProblem(UserChange.CustomFieldsField, $"custom field '{deleted.Key}' cannot be deleted when creating a user."));

        CheckValues(change, problems, creating: true);
        return problems;
    }

    /// <summary>The problems of an update input; empty when it may be sent.</summary>
    public static IReadOnlyList<UserInputProblem> CheckUpdate(UserChange change)
    {
        if (change is null) throw new ArgumentNullException(nameof(change));
        var problems = new List<UserInputProblem>();
        if (change.IsEmpty)
            problems.Add(new UserInputProblem(null, "there is nothing to change: no field was given."));
        CheckValues(change, problems, creating: false);
        return problems;
    }

    private static void CheckValues(UserChange change, List<UserInputProblem> problems, bool creating)
    {
        if (!creating)
        {
            foreach (var field in NeverBlank.Where(f => change.IsSet(f) && string.IsNullOrWhiteSpace(change.GetText(f))))
                problems.Add(new UserInputProblem(field, $"{field} cannot be blank."));
        }

        var username = change.GetText("username");
        if (!string.IsNullOrEmpty(username) && !UsernamePattern.IsMatch(username!))
            problems.Add(new UserInputProblem("username",
                $"username '{username}' may contain only lower-case letters, digits, underscore, hyphen, period and @."));

        var email = change.GetText("email");
        if (!string.IsNullOrEmpty(email) && !EmailPattern.IsMatch(email!))
            problems.Add(new UserInputProblem("email", $"email '{email}' is not a valid email address."));

        var country = change.GetText("country");
        if (!string.IsNullOrEmpty(country) && !CountryPattern.IsMatch(country!))
            problems.Add(new UserInputProblem("country", $"country '{country}' is not a two-letter ISO 3166 code (e.g. NZ, GB)."));

        foreach (var pair in MaxLengths)
        {
            var value = change.GetText(pair.Key);
            if (value is not null && Characters(value) is var length && length > pair.Value)
                problems.Add(new UserInputProblem(pair.Key, $"{pair.Key} is {length} characters long; at most {pair.Value} are allowed."));
        }
    }

    /// <summary>
    /// A value's length as Totara counts it (core_text::strlen, i.e. mb_strlen over UTF-8): in
    /// characters (code points), so a character outside the BMP, two UTF-16 units here, counts once.
    /// </summary>
    public static int Characters(string value)
    {
        var count = value.Length;
        for (var i = 0; i < value.Length - 1; i++)
        {
            if (!char.IsHighSurrogate(value[i]) || !char.IsLowSurrogate(value[i + 1])) continue;
            count--;
            i++;
        }
        return count;
    }
}

/// <summary>One thing wrong with an input: the API field (null when it is about the whole record) and what is wrong.</summary>
public sealed class UserInputProblem
{
    /// <summary>Records one problem.</summary>
    /// <param name="field">The API field at fault; null for the whole record.</param>
    /// <param name="message">What is wrong, as a sentence to show.</param>
    public UserInputProblem(string? field, string message)
    {
        Field = field;
        Message = message;
    }

    /// <summary>The API field name, e.g. email; null when no single field is at fault.</summary>
    public string? Field { get; }

    /// <summary>What is wrong, as a sentence to show (it never holds the password).</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString() => Message;
}

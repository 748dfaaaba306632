using System;
using System.Collections.Generic;
using System.Linq;

namespace Totara.Client.Users;

/// <summary>
/// The fields to send in a <c>core_user_create_user</c> or <c>core_user_update_user</c> input.
/// Only fields that were set are sent; setting a text field to an empty string (or null) sends
/// an empty value, which erases it on the site. Custom profile fields are set by shortname
/// (null deletes the value). The password is sent but never shown by <see cref="ToString"/>.
/// </summary>
public sealed class UserChange
{
    /// <summary>Text fields of the create/update inputs, in the order messages list them.</summary>
    public static readonly IReadOnlyList<string> TextFields = new[]
    {
        "username", "email", "firstname", "lastname", "idnumber", "middlename", "alternatename", "firstnamephonetic",
        "lastnamephonetic", "department", "institution", "city", "country", "address", "phone1", "phone2",
        "description", "descriptionformat", "url", "skype", "lang", "theme", "timezone", "auth", "calendartype",
    };

    /// <summary>Boolean fields of the create/update inputs.</summary>
    public static readonly IReadOnlyList<string> FlagFields = new[] { "suspended", "emailstop", "force_password_change", "generate_password" };

    /// <summary>The input field of the password (see <see cref="SetPassword"/>); listed in <see cref="SetFields"/>, never with its value.</summary>
    public const string PasswordField = "password";
    /// <summary>The input field that carries the custom profile fields (see <see cref="SetCustomField"/>).</summary>
    public const string CustomFieldsField = "custom_fields";

    private readonly Dictionary<string, string> _text = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _flags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _custom = new(StringComparer.OrdinalIgnoreCase);
    private string? _password;

    /// <summary>Sets a text field. Null or "" erases it on the site. Usernames are lower-cased, as Totara stores them.</summary>
    public UserChange Set(string field, string? value)
    {
        var name = Known(field, TextFields);
        var text = value ?? "";
        if (name == "username") text = text.Trim().ToLowerInvariant();
        if (name == "country") text = text.Trim().ToUpperInvariant();
        _text[name] = text;
        return this;
    }

    /// <summary>Sets a boolean field (suspended, emailstop, force_password_change, generate_password).</summary>
    public UserChange SetFlag(string field, bool value)
    {
        _flags[Known(field, FlagFields)] = value;
        return this;
    }

    /// <summary>Sets the password to send; it never appears in messages.</summary>
    public UserChange SetPassword(string password)
    {
        _password = password ?? throw new ArgumentNullException(nameof(password));
        return this;
    }

    /// <summary>Sets a custom profile field by shortname; null deletes its value (updates only).</summary>
    public UserChange SetCustomField(string shortName, string? value)
    {
        if (string.IsNullOrWhiteSpace(shortName)) throw new ArgumentException("A custom field's shortname is empty.", nameof(shortName));
        _custom[shortName.Trim()] = value;
        return this;
    }

    /// <summary>The username to send (trimmed, lower-cased), when set; else null.</summary>
    public string? Username => GetText("username");

    /// <summary>The email to send, when set (empty when set to erase it); else null.</summary>
    public string? Email => GetText("email");

    /// <summary>The idnumber to send, when set (empty when set to erase it); else null.</summary>
    public string? IdNumber => GetText("idnumber");

    /// <summary>The first name to send, when set (empty when set to erase it); else null.</summary>
    public string? FirstName => GetText("firstname");

    /// <summary>The last name to send, when set (empty when set to erase it); else null.</summary>
    public string? LastName => GetText("lastname");

    /// <summary>True when a password will be sent; the password itself is never readable here.</summary>
    public bool HasPassword => _password is not null;

    /// <summary>Custom fields to send by shortname (a null value deletes).</summary>
    public IReadOnlyDictionary<string, string?> CustomFields => _custom;

    /// <summary>The API names of every field that will be sent (password and custom_fields included).</summary>
    public IReadOnlyList<string> SetFields =>
        _text.Keys.Concat(_flags.Keys)
            .Concat(_password is null ? Enumerable.Empty<string>() : new[] { PasswordField })
            .Concat(_custom.Count == 0 ? Enumerable.Empty<string>() : new[] { CustomFieldsField })
            .ToList();

    /// <summary>True when no field is set, so an update would send nothing.</summary>
    public bool IsEmpty => _text.Count == 0 && _flags.Count == 0 && _password is null && _custom.Count == 0;

    /// <summary>True when <paramref name="field"/> will be sent: a text or boolean field, <see cref="PasswordField"/> or <see cref="CustomFieldsField"/>.</summary>
    /// <param name="field">An API field name, e.g. <c>email</c>.</param>
    public bool IsSet(string field) =>
        _text.ContainsKey(field) || _flags.ContainsKey(field)
        || (field == PasswordField && _password is not null) || (field == CustomFieldsField && _custom.Count > 0);

    /// <summary>The value a text field will be sent with (empty when set to erase it); null when the field is not set.</summary>
    /// <param name="field">An API text field name, one of <see cref="TextFields"/>.</param>
    public string? GetText(string field) => _text.TryGetValue(field, out var value) ? value : null;

    /// <summary>The value a boolean field will be sent with; null when the field is not set.</summary>
    /// <param name="field">An API boolean field name, one of <see cref="FlagFields"/>.</param>
    public bool? GetFlag(string field) => _flags.TryGetValue(field, out var value) ? value : null;

    /// <summary>The input object for the mutation: exactly the fields that were set.</summary>
    public IDictionary<string, object?> ToInput()
    {
        var input = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in _text) input[pair.Key] = pair.Value;
        foreach (var pair in _flags) input[pair.Key] = pair.Value;
        if (_password is not null) input[PasswordField] = _password;
        if (_custom.Count > 0)
        {
            input[CustomFieldsField] = _custom.Select(pair => pair.Value is null
                    ? new Dictionary<string, object?> { ["shortname"] = pair.Key, ["delete"] = true }
                    : new Dictionary<string, object?> { ["shortname"] = pair.Key, ["data"] = pair.Value })
                .Cast<object?>()
                .ToList();
        }
        return input;
    }

    /// <summary>The change that suspends or unsuspends a user (an update of <c>suspended</c> only).</summary>
    public static UserChange Suspension(bool suspended) => new UserChange().SetFlag("suspended", suspended);

    /// <summary>Names the fields, never their values (a password must not leak into logs).</summary>
    public override string ToString() => IsEmpty ? "no fields" : "fields: " + string.Join(", ", SetFields);

    private static string Known(string field, IReadOnlyList<string> known)
    {
        var name = (field ?? "").Trim().ToLowerInvariant();
        if (!known.Contains(name, StringComparer.Ordinal))
            throw new ArgumentException($"'{field}' is not a user field that can be set here. Known: {string.Join(", ", known)}.", nameof(field));
        return name;
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;

namespace Totara.PowerShell.Users;

/// <summary>
/// Names one user however the caller has it: an id (a number), a username, idnumber or email
/// (a string), a <see cref="TotaraUser"/>, or any object with an Id, Username, IdNumber or Email
/// property (CSV rows, Get-ADUser objects, hashtables).
/// </summary>
/// <remarks>
/// A string is looked up in this order: if it contains '@', as an email, then as a username;
/// otherwise as a username, then as an idnumber. A string is never taken as a database id: pass
/// a number for that. Usernames are compared in lower case, as Totara stores them.
/// </remarks>
public sealed class UserIdentity
{
    private static readonly string[] IdProperties = { "Id" };
    private static readonly string[] UsernameProperties = { "Username", "SamAccountName" };
    private static readonly string[] IdNumberProperties = { "IdNumber", "EmployeeID", "EmployeeNumber" };
    private static readonly string[] EmailProperties = { "Email", "EmailAddress", "mail" };

    private readonly IReadOnlyList<UserReference> _candidates;
    private readonly TotaraUser? _user;

    private UserIdentity(IReadOnlyList<UserReference> candidates, object? source, string text, TotaraUser? user = null)
    {
        _candidates = candidates;
        Source = source;
        Text = text;
        _user = user;
    }

    /// <summary>A user named by their id (the site's database id). A string is never taken as an id, so this (or an object's Id property) is how a user is named by id.</summary>
    /// <param name="id">The user's id on the site.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is 0 or negative.</exception>
    public UserIdentity(long id) : this(new[] { UserReference.ById(id) }, id, id.ToString(CultureInfo.InvariantCulture)) { }

    /// <summary>A user named by text, tried in the order the remarks give (email then username when it contains '@', else username then idnumber).</summary>
    /// <param name="value">A username, idnumber or email; trimmed, and an empty or blank text is refused.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty or only white space.</exception>
    public UserIdentity(string value) : this(FromText(value), value, value.Trim()) { }

    /// <summary>
    /// The user a <see cref="TotaraUser"/> is: by id on the site it came from, on another site by its
    /// username (else idnumber, else email, else, having none of them, its id). <see cref="Text"/> is
    /// its username (or id).
    /// </summary>
    /// <param name="user">A user as Get-TotaraUser or another user cmdlet returned it; kept as <see cref="Source"/>.</param>
    public UserIdentity(TotaraUser user) : this(FromUser(user), user, user.ToString(), user) { }

    /// <summary>What the identity was made from (the piped object itself for pipeline input).</summary>
    public object? Source { get; }

    /// <summary>The identity as the caller gave it (e.g. jsmith, 42, ann@example.com).</summary>
    public string Text { get; }

    /// <summary>The references to try on <paramref name="site"/>, in order. A TotaraUser's id counts only on its own site.</summary>
    public IReadOnlyList<UserReference> CandidatesFor(Uri site)
    {
        if (_user is null) return _candidates;
        return Sites.Same(_user.Site, site) ? new[] { UserReference.ById(_user.Id) } : _candidates;
    }

    /// <summary>
    /// The record the identity was piped in as, to hand back as an error's target; null for a plain
    /// string or number, which is no record.
    /// </summary>
    public object? SourceRecord => Source is string or null || Source.GetType().IsPrimitive ? null : Source;

    /// <summary>The first reference to try on <paramref name="site"/> as a (field, value) key: how one run spots the same user twice.</summary>
    internal IEnumerable<UniqueKey> KeyFor(Uri site)
    {
        if (CandidatesFor(site).FirstOrDefault() is { } first)
            yield return new UniqueKey(first.FieldName, first.Value, UserProperties.PropertyOf(first.FieldName));
    }

    /// <summary>True when the identity came from a TotaraUser (a Get-TotaraUser result).</summary>
    public bool IsTotaraUser => _user is not null;

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>Converts whatever names a user; throws ArgumentException naming what is missing.</summary>
    public static UserIdentity From(object? input)
    {
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        switch (value)
        {
            case null:
                throw new ArgumentException("A user identity is empty.");
            case UserIdentity identity:
                return identity;
            case TotaraUser user:
                return new UserIdentity(user);
            case string text:
                return new UserIdentity(text);
            case int or long or short or uint or ushort or byte or sbyte:
                return new UserIdentity(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case ulong or decimal or double or float:
                var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                if (number != decimal.Truncate(number) || number < 1 || number > long.MaxValue)
                    throw new ArgumentException($"'{value}' is not a user id (a positive whole number).");
                return new UserIdentity((long)number);
            case IDictionary dictionary:
                return FromProperties(input!, name => Lookup(dictionary, name));
            default:
                var properties = PSObject.AsPSObject(input!).Properties;
                return FromProperties(input!, name => properties[name]?.Value);
        }
    }

    private static UserIdentity FromProperties(object source, Func<string, object?> read)
    {
        var id = First(read, IdProperties);
        if (id is not null)
        {
            if (!long.TryParse(Convert.ToString(id, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < 1)
                throw new ArgumentException($"The Id property '{id}' is not a user id (a positive whole number).");
            return new UserIdentity(new[] { UserReference.ById(number) }, source, number.ToString(CultureInfo.InvariantCulture));
        }

        if (AsText(First(read, UsernameProperties)) is { } username)
            return new UserIdentity(new[] { UserReference.ByUsername(username) }, source, username);
        if (AsText(First(read, IdNumberProperties)) is { } idNumber)
            return new UserIdentity(new[] { UserReference.ByIdNumber(idNumber) }, source, idNumber);
        if (AsText(First(read, EmailProperties)) is { } email)
            return new UserIdentity(new[] { UserReference.ByEmail(email) }, source, email);

        throw new ArgumentException(
            $"The object names no user: it has no Id, Username (SamAccountName), IdNumber (EmployeeID) or Email (EmailAddress, mail) value.");
    }

    private static IReadOnlyList<UserReference> FromText(string value)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0) throw new ArgumentException("A user identity is an empty string.");
        return text.IndexOf('@') >= 0
            ? new[] { UserReference.ByEmail(text), UserReference.ByUsername(text) }
            : new[] { UserReference.ByUsername(text), UserReference.ByIdNumber(text) };
    }

    private static IReadOnlyList<UserReference> FromUser(TotaraUser user)
    {
        var candidates = new List<UserReference>();
        if (!string.IsNullOrWhiteSpace(user.Username)) candidates.Add(UserReference.ByUsername(user.Username!));
        else if (!string.IsNullOrWhiteSpace(user.IdNumber)) candidates.Add(UserReference.ByIdNumber(user.IdNumber!));
        else if (!string.IsNullOrWhiteSpace(user.Email)) candidates.Add(UserReference.ByEmail(user.Email!));
        if (candidates.Count == 0) candidates.Add(UserReference.ById(user.Id));
        return candidates;
    }

    private static object? First(Func<string, object?> read, string[] names)
    {
        foreach (var name in names)
        {
            var value = read(name);
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            if (value is not null && !(value is string s && s.Trim().Length == 0)) return value;
        }
        return null;
    }

    private static object? Lookup(IDictionary dictionary, string name)
    {
        foreach (DictionaryEntry entry in dictionary)
            if (string.Equals(entry.Key as string, name, StringComparison.OrdinalIgnoreCase)) return entry.Value;
        return null;
    }

    private static string? AsText(object? value) => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
}

/// <summary>Lets -Identity take a number, a string, a TotaraUser or any object naming a user (and arrays of them).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class UserIdentityTransformationAttribute : IdentityTransformationAttribute
{
    /// <inheritdoc/>
    protected override object From(object? item) => UserIdentity.From(item);

    /// <inheritdoc/>
    protected override Array ToArray(System.Collections.Generic.List<object> identities) => identities.ConvertAll(i => (UserIdentity)i).ToArray();
}

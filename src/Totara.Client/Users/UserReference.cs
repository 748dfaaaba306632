using System;
using System.Collections.Generic;
using System.Globalization;

namespace Totara.Client.Users;

/// <summary>
/// Totara's <c>core_user_user_reference</c>: names one user by exactly one of id, username,
/// idnumber or email. The site requires the reference to match exactly one live user.
/// </summary>
public sealed class UserReference : IEquatable<UserReference>
{
    private UserReference(UserReferenceKind kind, string value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>Which key the reference uses; it sets the input field (<c>id</c>, <c>username</c>, <c>idnumber</c>, <c>email</c>).</summary>
    public UserReferenceKind Kind { get; }

    /// <summary>The key's value as text (an id in invariant digits).</summary>
    public string Value { get; }

    /// <summary>A reference to the user with this id.</summary>
    /// <param name="id">The user's id, a positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is 0 or negative.</exception>
    public static UserReference ById(long id) =>
        id > 0 ? new UserReference(UserReferenceKind.Id, id.ToString(CultureInfo.InvariantCulture))
               : throw new ArgumentOutOfRangeException(nameof(id), id, "A user id is a positive number.");

    /// <summary>By username, lower-cased: Totara stores usernames in lower case.</summary>
    public static UserReference ByUsername(string username) => new(UserReferenceKind.Username, Require(username, "username").ToLowerInvariant());

    /// <summary>A reference to the user with this idnumber (trimmed).</summary>
    /// <param name="idNumber">The user's idnumber.</param>
    /// <exception cref="ArgumentException"><paramref name="idNumber"/> is null, empty or white space.</exception>
    public static UserReference ByIdNumber(string idNumber) => new(UserReferenceKind.IdNumber, Require(idNumber, "idnumber"));

    /// <summary>A reference to the user with this email address (trimmed).</summary>
    /// <param name="email">The user's email address.</param>
    /// <exception cref="ArgumentException"><paramref name="email"/> is null, empty or white space.</exception>
    public static UserReference ByEmail(string email) => new(UserReferenceKind.Email, Require(email, "email"));

    /// <summary>The id, when this reference is by id.</summary>
    public long? Id => Kind == UserReferenceKind.Id ? long.Parse(Value, CultureInfo.InvariantCulture) : null;

    /// <summary>The API's field name for the key: id, username, idnumber or email.</summary>
    public string FieldName => Kind switch
    {
        UserReferenceKind.Id => "id",
        UserReferenceKind.Username => "username",
        UserReferenceKind.IdNumber => "idnumber",
        _ => "email",
    };

    /// <summary>The reference as the GraphQL input object, e.g. <c>{ username: "jsmith" }</c>.</summary>
    public IDictionary<string, object?> ToInput() => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        [FieldName] = Kind == UserReferenceKind.Id ? Id : Value,
    };

    /// <summary>True when <paramref name="other"/> uses the same key with the same value, ignoring case.</summary>
    /// <param name="other">The reference to compare with; null is never equal.</param>
    public bool Equals(UserReference? other) =>
        other is not null && other.Kind == Kind && string.Equals(other.Value, Value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as UserReference);

    /// <inheritdoc/>
    public override int GetHashCode() => Kind.GetHashCode() ^ StringComparer.OrdinalIgnoreCase.GetHashCode(Value);

    /// <summary>e.g. <c>username 'jsmith'</c> or <c>id 42</c>: how messages name the user.</summary>
    public override string ToString() => Kind == UserReferenceKind.Id ? $"id {Value}" : $"{FieldName} '{Value}'";

    private static string Require(string value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"The {what} of a user reference is empty.", what) : value.Trim();
}

/// <summary>Which key a <see cref="UserReference"/> uses.</summary>
public enum UserReferenceKind
{
    /// <summary>By the user's id.</summary>
    Id,
    /// <summary>By username (lower-cased, as Totara stores it).</summary>
    Username,
    /// <summary>By idnumber, the key HR systems usually set.</summary>
    IdNumber,
    /// <summary>By email address.</summary>
    Email,
}

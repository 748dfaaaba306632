using System;
using System.Collections.Generic;
using Totara.Client.Users;

namespace Totara.Sync;

/// <summary>A user as the site has it now: the fields the sync compares, read once per run.</summary>
public sealed class SiteUser
{
    private readonly string?[] _values = new string?[SyncFields.Count];

    public SiteUser(long id, bool suspended = false)
    {
        Id = id;
        Suspended = suspended;
    }

    public long Id { get; }

    public bool Suspended { get; }

    /// <summary>Custom profile fields by shortname; null when they were not read.</summary>
    public IReadOnlyDictionary<string, string>? CustomFields { get; set; }

    public string? Username => _values[SyncFields.Username];

    /// <summary>Sets a field by API name (site values are compared as read, countries as codes).</summary>
    public SiteUser Set(string field, string? value)
    {
        var index = SyncFields.IndexOf(field);
        if (index < 0) throw new ArgumentException($"'{field}' is not a user field a sync compares.", nameof(field));
        var text = value ?? "";
        // The API shows a country as its name ("New Zealand"); the source gives codes.
        if (index == SyncFields.Country && text.Length > 2) text = CountryCodes.ToCode(text) ?? text;
        _values[index] = text;
        return this;
    }

    /// <summary>A field's value ("" when empty or not read).</summary>
    public string Get(int index) => _values[index] ?? "";

    /// <summary>A site user from the API's answer; only the fields that were asked for are filled in.</summary>
    public static SiteUser From(UserRecordData data)
    {
        var user = new SiteUser(data.Id, data.Suspended ?? false);
        for (var i = 0; i < SyncFields.Count; i++)
            if (data.Has(SyncFields.Names[i])) user.Set(SyncFields.Names[i], data.Get(SyncFields.Names[i]));
        user.CustomFields = data.CustomFields;
        return user;
    }

    public override string ToString() => Username ?? $"user {Id}";
}

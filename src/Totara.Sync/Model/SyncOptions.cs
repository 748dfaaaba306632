using System;
using System.Collections.Generic;
using System.Globalization;

namespace Totara.Sync;

/// <summary>Which key joins a source row to a site user (HR Import matches on idnumber).</summary>
public enum SyncMatchOn
{
    /// <summary>Match on the user's idnumber, as HR Import does.</summary>
    IdNumber,
    /// <summary>Match on the username (compared in lower case, as Totara stores it).</summary>
    Username,
    /// <summary>Match on the email address; two site users with the same email cannot be matched.</summary>
    Email,
}

/// <summary>What happens to site users the (complete) source no longer has.</summary>
public enum MissingUserAction
{
    /// <summary>Leave them as they are.</summary>
    Keep,
    /// <summary>Suspend them (the default): reversible, and the guard and protected accounts still apply.</summary>
    Suspend,
    /// <summary>Delete them on the site; the guard and protected accounts still apply.</summary>
    Delete,
}

/// <summary>What an empty source value means: leave the site's value (Keep) or erase it (Erase).</summary>
public enum EmptyFieldAction
{
    /// <summary>An empty cell leaves the site's value (the default).</summary>
    Keep,
    /// <summary>An empty cell erases the site's value.</summary>
    Erase,
}

/// <summary>Audience handling: only add (Add), or also remove memberships the sync added that the source dropped (Exact).</summary>
public enum CohortMode
{
    /// <summary>Add missing memberships only; never remove one (the default).</summary>
    Add,
    /// <summary>Also remove memberships this sync added earlier that the source no longer lists; needs <see cref="SyncOptions.StatePath"/>, since the API cannot list an audience's members.</summary>
    Exact,
}

/// <summary>How one sync behaves: HR Import's settings, made explicit.</summary>
public sealed class SyncOptions
{
    /// <summary>Usernames a sync never suspends or deletes, whatever the source says.</summary>
    public static readonly IReadOnlyList<string> AlwaysProtected = new[] { "guest", "admin" };

    /// <summary>Which key joins a row to a site user (idnumber unless set).</summary>
    public SyncMatchOn MatchOn { get; set; } = SyncMatchOn.IdNumber;

    /// <summary>The source holds every user in scope: users it lacks get <see cref="MissingUserAction"/>.</summary>
    public bool SourceIsComplete { get; set; }

    /// <summary>What happens to site users the source lacks; applies only when <see cref="SourceIsComplete"/> is set.</summary>
    public MissingUserAction MissingUserAction { get; set; } = MissingUserAction.Suspend;

    /// <summary>What an empty cell means for the site's value (keep it unless set). A user or job being created has nothing to keep.</summary>
    public EmptyFieldAction EmptyFieldAction { get; set; } = EmptyFieldAction.Keep;

    /// <summary>How audience memberships are reconciled (add only unless set).</summary>
    public CohortMode CohortMode { get; set; } = CohortMode.Add;

    /// <summary>The most suspensions plus deletions a run may make without <see cref="Force"/>.</summary>
    public RemovalLimit MaxRemovals { get; set; } = RemovalLimit.Percent(5);

    /// <summary>Applies a plan the removal guard would stop.</summary>
    public bool Force { get; set; }

    /// <summary>The API client's own user (its username): never suspended or deleted.</summary>
    public string? ServiceAccount { get; set; }

    /// <summary>Where the memberships the sync added are kept (required for <see cref="CohortMode.Exact"/>).</summary>
    public string? StatePath { get; set; }

    /// <summary>Reads and reconciles everything, whatever the state file says (a full run).</summary>
    public bool Full { get; set; }

    /// <summary>A delta run turns into a full one when the last full run is older than this (default 7 days).</summary>
    public TimeSpan FullAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The clock the state's times come from (a virtual one in tests).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>The field index of the match key.</summary>
    public int MatchField => MatchOn switch
    {
        SyncMatchOn.Username => SyncFields.Username,
        SyncMatchOn.Email => SyncFields.Email,
        _ => SyncFields.IdNumber,
    };

    /// <summary>The API name of the match key (idnumber, username or email).</summary>
    public string MatchFieldName => SyncFields.Names[MatchField];

    /// <summary>True for usernames no sync may suspend or delete.</summary>
    public bool IsProtected(string? username) =>
        username is not null && (((IList<string>)AlwaysProtected).Contains(username.Trim().ToLowerInvariant())
                                 || string.Equals(username.Trim(), ServiceAccount?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Throws when the options contradict each other.</summary>
    public void Validate()
    {
        if (CohortMode == CohortMode.Exact && string.IsNullOrWhiteSpace(StatePath))
            throw new ArgumentException(
                "CohortMode Exact needs a state file (StatePath): the API cannot list an audience's members, so the sync " +
                "must remember which memberships it added to know which it may remove.");
        if (MaxRemovals is null) throw new ArgumentException("MaxRemovals is not set.");
        if (FullAfter < TimeSpan.Zero) throw new ArgumentException("FullAfter cannot be negative.");
    }
}

/// <summary>The removal guard's limit: a count of users, or a percentage of the site's users.</summary>
public sealed class RemovalLimit
{
    private RemovalLimit(double value, bool isPercent)
    {
        Value = value;
        IsPercent = isPercent;
    }

    /// <summary>The limit: a count of users, or a percentage (0 to 100) when <see cref="IsPercent"/>.</summary>
    public double Value { get; }

    /// <summary>True when <see cref="Value"/> is a percentage of the site's users; false for a count.</summary>
    public bool IsPercent { get; }

    /// <summary>A limit of this many users.</summary>
    /// <param name="count">The most users a run may suspend or delete; 0 allows none.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public static RemovalLimit Count(int count) =>
        count >= 0 ? new RemovalLimit(count, false) : throw new ArgumentOutOfRangeException(nameof(count), count, "The removal limit cannot be negative.");

    /// <summary>A limit of this share of the site's users (rounded down).</summary>
    /// <param name="percent">The share, 0 to 100.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="percent"/> is not between 0 and 100.</exception>
    public static RemovalLimit Percent(double percent) =>
        percent is >= 0 and <= 100 ? new RemovalLimit(percent, true)
            : throw new ArgumentOutOfRangeException(nameof(percent), percent, "The removal limit is a percentage between 0 and 100.");

    /// <summary>Reads "25" (a count) or "5%" (a percentage of the site's users).</summary>
    public static RemovalLimit Parse(string text)
    {
        var value = (text ?? "").Trim();
        var percent = value.EndsWith("%", StringComparison.Ordinal);
        if (percent) value = value.Substring(0, value.Length - 1).Trim();
        if (percent && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && share is >= 0 and <= 100)
            return Percent(share);
        if (!percent && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            return Count(count);
        throw new FormatException($"'{text}' is not a removal limit: give a number of users (e.g. 25) or a percentage of the site's users (e.g. 5%).");
    }

    /// <summary>How many removals the limit allows on a site of <paramref name="siteUsers"/> users.</summary>
    public int AllowedFor(int siteUsers) => IsPercent ? (int)Math.Floor(siteUsers * Value / 100.0) : (int)Value;

    /// <inheritdoc/>
    public override string ToString() =>
        IsPercent ? Value.ToString("0.##", CultureInfo.InvariantCulture) + "%" : Value.ToString("0", CultureInfo.InvariantCulture);
}

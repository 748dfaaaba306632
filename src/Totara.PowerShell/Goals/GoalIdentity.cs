using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using Totara.Client.Goals;
using Totara.PowerShell.Infrastructure;

namespace Totara.PowerShell.Goals;

/// <summary>
/// Names one goal however the caller has it: an id (a number), an id_number (a string), a
/// <see cref="TotaraGoal"/>, or an object with an Id / GoalId or IdNumber / GoalIdNumber property.
/// </summary>
public sealed class GoalIdentity
{
    private GoalIdentity(string text, long? id, TotaraGoal? goal, object? source)
    {
        Text = text;
        Id = id;
        Goal = goal;
        Source = source;
    }

    /// <summary>A goal named by its id; <see cref="Text"/> is the id in invariant digits.</summary>
    /// <param name="id">The goal's id on the site.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is 0 or negative.</exception>
    public GoalIdentity(long id) : this(Positive(id).ToString(CultureInfo.InvariantCulture), id, null, null) { }

    /// <summary>A goal named by its id_number (trimmed; the site matches it exactly). A string is never read as an id, even when it holds only digits.</summary>
    /// <param name="idNumber">The goal's id_number; an empty or blank text is refused.</param>
    /// <exception cref="ArgumentException"><paramref name="idNumber"/> is empty or only white space.</exception>
    public GoalIdentity(string idNumber) : this(Require(idNumber), null, null, null) { }

    /// <summary>
    /// The goal a <see cref="TotaraGoal"/> is: by its id on the site it came from, by its id_number on
    /// another (one without an id_number cannot be named there). <see cref="Text"/> is the goal's
    /// "Name (IdNumber)", for messages.
    /// </summary>
    /// <param name="goal">A goal as Get-, New- or Set-TotaraGoal returned it; kept as <see cref="Goal"/> and <see cref="Source"/>.</param>
    public GoalIdentity(TotaraGoal goal) : this(goal.ToString(), goal.Id, goal, goal) { }

    /// <summary>The identity as given: an id or an id_number.</summary>
    public string Text { get; }

    /// <summary>The id, when given as a number (or known from a TotaraGoal).</summary>
    public long? Id { get; }

    /// <summary>The goal this identity came from (a Get-TotaraGoal result), if any.</summary>
    public TotaraGoal? Goal { get; }

    /// <summary>The piped object the identity was read from, when it was an object.</summary>
    public object? Source { get; }

    /// <summary>The reference for <paramref name="site"/>: a TotaraGoal's id counts only on its own site (else its id_number).</summary>
    internal GoalReference ReferenceFor(Uri site)
    {
        if (Goal is not null && !Sites.Same(Goal.Site, site))
            return string.IsNullOrEmpty(Goal.IdNumber)
                ? throw new ArgumentException($"Goal {Goal} comes from {Goal.Site} and has no id_number to find it by on {site}.")
                : GoalReference.ByIdNumber(Goal.IdNumber!);
        return Id is long id ? GoalReference.ById(id) : GoalReference.ByIdNumber(Text);
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>
    /// The identity an input names: a number (id), a string (id_number), a <see cref="TotaraGoal"/>, a
    /// <see cref="GoalIdentity"/>, or a hashtable or object with GoalId or Id (tried first, and then
    /// required to be a positive number) or else GoalIdNumber, IdNumber or id_number; a PSObject is
    /// unwrapped first. What -Identity binds through <see cref="GoalIdentityTransformationAttribute"/>.
    /// </summary>
    /// <param name="input">One value from the pipeline or the command line.</param>
    /// <exception cref="ArgumentException">The input is null, empty, an id that is not positive, or names no goal; the message says which.</exception>
    public static GoalIdentity From(object? input)
    {
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        switch (value)
        {
            case null:
                throw new ArgumentException("A goal identity is empty.");
            case GoalIdentity identity:
                return identity;
            case TotaraGoal goal:
                return new GoalIdentity(goal);
            case string text:
                return new GoalIdentity(text);
            case int or long or short:
                return new GoalIdentity(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case IDictionary dictionary:
                return FromProperties(value, name => Lookup(dictionary, name));
            default:
                var properties = PSObject.AsPSObject(input!).Properties;
                return FromProperties(input!, name => properties[name]?.Value);
        }
    }

    private static GoalIdentity FromProperties(object source, Func<string, object?> read)
    {
        foreach (var name in new[] { "GoalId", "Id" })
        {
            var text = TextOf(read(name));
            if (text is null) continue;
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id > 0
                ? new GoalIdentity(text, id, null, source)
                : throw new ArgumentException($"The {name} property '{text}' is not a goal id (a positive whole number).");
        }
        foreach (var name in new[] { "GoalIdNumber", "IdNumber", "id_number" })
            if (TextOf(read(name)) is { } idNumber) return new GoalIdentity(idNumber, null, null, source);
        throw new ArgumentException("The object names no goal: it has no Id, GoalId, IdNumber or GoalIdNumber value.");
    }

    private static string? TextOf(object? value)
    {
        if (value is PSObject wrapped) value = wrapped.BaseObject;
        var text = value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static object? Lookup(IDictionary dictionary, string name)
    {
        foreach (DictionaryEntry entry in dictionary)
            if (string.Equals(entry.Key as string, name, StringComparison.OrdinalIgnoreCase)) return entry.Value;
        return null;
    }

    private static long Positive(long id) => id > 0 ? id : throw new ArgumentException($"'{id}' is not a goal id (a positive whole number).");

    private static string Require(string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new ArgumentException("A goal identity is an empty string.") : text.Trim();
}

/// <summary>Lets -Identity take a number, a string, a TotaraGoal or an object naming a goal (and arrays of them).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class GoalIdentityTransformationAttribute : IdentityTransformationAttribute
{
    /// <inheritdoc/>
    protected override object From(object? item) => GoalIdentity.From(item);

    /// <inheritdoc/>
    protected override Array ToArray(System.Collections.Generic.List<object> identities) => identities.ConvertAll(i => (GoalIdentity)i).ToArray();
}

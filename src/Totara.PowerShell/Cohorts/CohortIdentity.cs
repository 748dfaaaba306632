using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using Totara.PowerShell.Infrastructure;

namespace Totara.PowerShell.Cohorts;

/// <summary>
/// Names one audience however the caller has it: an id (a number), an idnumber or a name (a
/// string), a <see cref="TotaraCohort"/>, or an object with an Id, IdNumber or Name property.
/// </summary>
public sealed class CohortIdentity
{
    private readonly TotaraCohort? _cohort;

    private CohortIdentity(string text, long? id, TotaraCohort? cohort)
    {
        Text = text;
        Id = id;
        _cohort = cohort;
    }

    /// <summary>An audience named by text (trimmed), matched when used against the site's static audiences by id, idnumber or name; more than one match is refused.</summary>
    /// <param name="text">The idnumber or name; an empty or blank text is refused.</param>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty or only white space.</exception>
    public CohortIdentity(string text) : this(Require(text), null, null) { }

    /// <summary>An audience named by its id; <see cref="Text"/> is the id in invariant digits.</summary>
    /// <param name="id">The audience's id on the site (not checked here; <see cref="From"/> refuses 0 and negatives).</param>
    public CohortIdentity(long id) : this(id.ToString(CultureInfo.InvariantCulture), id, null) { }

    /// <summary>
    /// The audience a <see cref="TotaraCohort"/> is; on the site it came from it is used by id without a
    /// look-up, on another site by its idnumber, or by its name when it has no idnumber.
    /// </summary>
    /// <param name="cohort">An audience as Get-TotaraCohort returned it.</param>
    public CohortIdentity(TotaraCohort cohort) : this(cohort.IdNumber is { Length: > 0 } idn ? idn : cohort.Name, null, cohort) { }

    /// <summary>The identity as given: an id, idnumber or name.</summary>
    public string Text { get; }

    /// <summary>The id, when the identity was given as a number.</summary>
    public long? Id { get; }

    /// <summary>The audience this identity came from, when it is on <paramref name="site"/>.</summary>
    internal TotaraCohort? KnownOn(Uri site) =>
        _cohort is not null && Sites.Same(_cohort.Site, site)
            ? _cohort
            : null;

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>
    /// The identity an input names: a number (id), a string (idnumber or name), a <see cref="TotaraCohort"/>,
    /// a <see cref="CohortIdentity"/>, a hashtable or an object with an Id, IdNumber or Name property
    /// (the first non-empty one, in that order); a PSObject is unwrapped first. What -Cohort binds through
    /// <see cref="CohortIdentityTransformationAttribute"/>.
    /// </summary>
    /// <param name="input">One value from the pipeline or the command line.</param>
    /// <exception cref="ArgumentException">The input is null, empty, a number that is not positive, or names no audience; the message says which.</exception>
    public static CohortIdentity From(object? input)
    {
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        switch (value)
        {
            case null:
                throw new ArgumentException("An audience identity is empty.");
            case CohortIdentity identity:
                return identity;
            case TotaraCohort cohort:
                return new CohortIdentity(cohort);
            case string text:
                return new CohortIdentity(text);
            case int or long or short:
                var id = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                return id > 0 ? new CohortIdentity(id) : throw new ArgumentException($"'{id}' is not an audience id (a positive whole number).");
            case IDictionary dictionary:
                return FromProperties(name => Lookup(dictionary, name));
            default:
                var properties = PSObject.AsPSObject(input!).Properties;
                return FromProperties(name => properties[name]?.Value);
        }
    }

    private static CohortIdentity FromProperties(Func<string, object?> read)
    {
        foreach (var name in new[] { "Id", "IdNumber", "Name" })
        {
            var value = read(name);
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            var text = value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
            if (string.IsNullOrEmpty(text)) continue;
            if (name == "Id")
                return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id > 0
                    ? new CohortIdentity(id)
                    : throw new ArgumentException($"The Id property '{text}' is not an audience id (a positive whole number).");
            return new CohortIdentity(text!);
        }
        throw new ArgumentException("The object names no audience: it has no Id, IdNumber or Name value.");
    }

    private static object? Lookup(IDictionary dictionary, string name)
    {
        foreach (DictionaryEntry entry in dictionary)
            if (string.Equals(entry.Key as string, name, StringComparison.OrdinalIgnoreCase)) return entry.Value;
        return null;
    }

    private static string Require(string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new ArgumentException("An audience identity is an empty string.") : text.Trim();
}

/// <summary>Lets -Cohort take a number, a string, a TotaraCohort or an object naming an audience.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class CohortIdentityTransformationAttribute : IdentityTransformationAttribute
{
    /// <inheritdoc/>
    protected override object From(object? item) => CohortIdentity.From(item);

    /// <inheritdoc/>
    protected override Array ToArray(System.Collections.Generic.List<object> identities) => identities.ConvertAll(i => (CohortIdentity)i).ToArray();
}

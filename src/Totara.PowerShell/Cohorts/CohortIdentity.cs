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

    public CohortIdentity(string text) : this(Require(text), null, null) { }

    public CohortIdentity(long id) : this(id.ToString(CultureInfo.InvariantCulture), id, null) { }

    public CohortIdentity(TotaraCohort cohort) : this(cohort.IdNumber is { Length: > 0 } idn ? idn : cohort.Name, null, cohort) { }

    /// <summary>The identity as given: an id, idnumber or name.</summary>
    public string Text { get; }

    /// <summary>The id, when the identity was given as a number.</summary>
    public long? Id { get; }

    /// <summary>The audience this identity came from, when it is on <paramref name="site"/>.</summary>
    internal TotaraCohort? KnownOn(Uri site) =>
        _cohort is not null && string.Equals(_cohort.Site.AbsoluteUri.TrimEnd('/'), site.AbsoluteUri.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            ? _cohort
            : null;

    public override string ToString() => Text;

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
    protected override object From(object? item) => CohortIdentity.From(item);

    protected override Array ToArray(System.Collections.Generic.List<object> identities) => identities.ConvertAll(i => (CohortIdentity)i).ToArray();
}

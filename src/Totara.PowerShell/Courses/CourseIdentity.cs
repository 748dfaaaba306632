using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using Totara.PowerShell.Infrastructure;

namespace Totara.PowerShell.Courses;

/// <summary>
/// Names one course however the caller has it: an id (a number), an idnumber, shortname or full
/// name (a string), a <see cref="TotaraCourse"/>, or an object with an Id, IdNumber, ShortName
/// or FullName property.
/// </summary>
public sealed class CourseIdentity
{
    private static readonly string[] Properties = { "Id", "CourseId", "IdNumber", "CourseIdNumber", "ShortName", "CourseShortName", "FullName", "Course" };

    private readonly TotaraCourse? _course;

    private CourseIdentity(string text, TotaraCourse? course)
    {
        Text = text;
        _course = course;
    }

    /// <summary>A course named by idnumber, shortname or full name (trimmed); when used, an exact id, idnumber or shortname wins over a shortname or full name that matches ignoring case.</summary>
    /// <param name="text">The idnumber, shortname or full name; an empty or blank text is refused.</param>
    /// <exception cref="ArgumentException"><paramref name="text"/> is empty or only white space.</exception>
    public CourseIdentity(string text) : this(Require(text), null) { }

    /// <summary>A course named by its id; <see cref="Text"/> is the id in invariant digits.</summary>
    /// <param name="id">The course's id on the site.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is 0 or negative.</exception>
    public CourseIdentity(long id) : this(id > 0 ? id.ToString(CultureInfo.InvariantCulture) : throw new ArgumentException($"'{id}' is not a course id (a positive whole number)."), null) { }

    /// <summary>
    /// The course a <see cref="TotaraCourse"/> is; on the site it came from it is used by id without a
    /// look-up, on another site by its shortname (<see cref="Text"/>).
    /// </summary>
    /// <param name="course">A course as Get-TotaraCourse returned it.</param>
    public CourseIdentity(TotaraCourse course) : this(course.ShortName, course) { }

    /// <summary>The identity as given: an id, idnumber, shortname or full name.</summary>
    public string Text { get; }

    /// <summary>The course this identity came from, when it is on <paramref name="site"/>.</summary>
    internal TotaraCourse? KnownOn(Uri site) =>
        _course is not null && Sites.Same(_course.Site, site)
            ? _course
            : null;

    /// <summary>The course as "Full name (SHORTNAME)" when the identity came from a <see cref="TotaraCourse"/>, else <see cref="Text"/>.</summary>
    public override string ToString() => _course?.ToString() ?? Text;

    /// <summary>
    /// The identity an input names: a number (id), a string, a <see cref="TotaraCourse"/>, a
    /// <see cref="CourseIdentity"/>, or a hashtable or object with the first non-empty of Id, CourseId,
    /// IdNumber, CourseIdNumber, ShortName, CourseShortName, FullName or Course (so completion and
    /// enrolment results can be piped back); a PSObject is unwrapped first. What -Course binds through
    /// <see cref="CourseIdentityTransformationAttribute"/>.
    /// </summary>
    /// <param name="input">One value from the pipeline or the command line.</param>
    /// <exception cref="ArgumentException">The input is null, empty, a number that is not positive, or names no course; the message says which.</exception>
    public static CourseIdentity From(object? input)
    {
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        switch (value)
        {
            case null:
                throw new ArgumentException("A course identity is empty.");
            case CourseIdentity identity:
                return identity;
            case TotaraCourse course:
                return new CourseIdentity(course);
            case string text:
                return new CourseIdentity(text);
            case int or long or short:
                return new CourseIdentity(Convert.ToInt64(value, CultureInfo.InvariantCulture));
            case IDictionary dictionary:
                return FromProperties(name => Lookup(dictionary, name));
            default:
                var properties = PSObject.AsPSObject(input!).Properties;
                return FromProperties(name => properties[name]?.Value);
        }
    }

    private static CourseIdentity FromProperties(Func<string, object?> read)
    {
        foreach (var name in Properties)
        {
            var value = read(name);
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            if (value is TotaraCourse course) return new CourseIdentity(course);
            var text = value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
            if (!string.IsNullOrEmpty(text)) return new CourseIdentity(text!);
        }
        throw new ArgumentException("The object names no course: it has no Id, IdNumber, ShortName, FullName or Course value.");
    }

    private static object? Lookup(IDictionary dictionary, string name)
    {
        foreach (DictionaryEntry entry in dictionary)
            if (string.Equals(entry.Key as string, name, StringComparison.OrdinalIgnoreCase)) return entry.Value;
        return null;
    }

    private static string Require(string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new ArgumentException("A course identity is an empty string.") : text.Trim();
}

/// <summary>Lets -Course take a number, a string, a TotaraCourse or an object naming a course (and arrays of them).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class CourseIdentityTransformationAttribute : IdentityTransformationAttribute
{
    /// <inheritdoc/>
    protected override object From(object? item) => CourseIdentity.From(item);

    /// <inheritdoc/>
    protected override Array ToArray(System.Collections.Generic.List<object> identities) => identities.ConvertAll(i => (CourseIdentity)i).ToArray();
}

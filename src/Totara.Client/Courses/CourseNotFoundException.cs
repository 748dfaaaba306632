namespace Totara.Client.Courses;

/// <summary>A course identity that names no course, or more than one.</summary>
public sealed class CourseNotFoundException : TotaraException
{
    /// <summary>Makes the failure for an identity that names no course, or several.</summary>
    /// <param name="identity">The identity as given.</param>
    /// <param name="message">The text to show (naming the matching courses when ambiguous).</param>
    /// <param name="ambiguous">True when several courses match; false when none does.</param>
    public CourseNotFoundException(string identity, string message, bool ambiguous) : base(message)
    {
        Identity = identity;
        Ambiguous = ambiguous;
    }

    /// <summary>The identity as given.</summary>
    public string Identity { get; }

    /// <summary>True when several courses match (a shared name); false when none does.</summary>
    public bool Ambiguous { get; }
}

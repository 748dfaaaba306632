namespace Totara.Client.Courses;

/// <summary>A course identity that names no course, or more than one.</summary>
public sealed class CourseNotFoundException : TotaraException
{
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

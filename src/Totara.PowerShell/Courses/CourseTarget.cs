using Totara.Client.Courses;

namespace Totara.PowerShell.Courses;

/// <summary>The one course a course command works on, resolved once before the first batch is sent.</summary>
internal sealed class CourseTarget
{
    /// <summary>The course by id; null until resolved (and under -WhatIf, which sends nothing).</summary>
    public CourseReference? Reference { get; private set; }

    /// <summary>How results name the course: "Full name (SHORTNAME)".</summary>
    public string Label { get; private set; } = "";

    public long? Id { get; private set; }

    public void Resolve(long id, string label) => (Reference, Label, Id) = (CourseReference.ById(id), label, id);
}

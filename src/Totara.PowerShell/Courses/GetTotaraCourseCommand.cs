using System;
using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client.Courses;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Courses;

/// <summary>
/// <para type="synopsis">Gets Totara courses: by id, idnumber, shortname or full name, or every course, streamed page by page.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "TotaraCourse", DefaultParameterSetName = ListSet)]
[OutputType(typeof(TotaraCourse))]
public sealed class GetTotaraCourseCommand : TotaraSessionCmdlet
{
    private const string ListSet = "List";
    private const string IdentitySet = "Identity";

    // The API has no single-course query: the catalogue is read once per command and kept for later identities.
    private List<CourseData>? _catalogue;

    /// <summary>The course(s) to get: id, idnumber, shortname or full name (a full name may match several courses).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdentitySet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Course")]
    [CourseIdentityTransformation]
    [ValidateNotNullOrEmpty]
    public CourseIdentity[] Identity { get; set; } = Array.Empty<CourseIdentity>();

    /// <summary>Only courses with this tag (its raw name).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? Tag { get; set; }

    /// <summary>Only courses created at or after this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? CreatedSince { get; set; }

    /// <summary>Only courses changed at or after this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? ModifiedSince { get; set; }

    /// <summary>Sorts by full name instead of id.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public SwitchParameter SortByName { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord(TotaraSession session)
    {
        var courses = session.Client.Courses;
        if (ParameterSetName == IdentitySet)
        {
            foreach (var identity in Identity) GetOne(session, courses, identity);
            return;
        }

        var options = new CourseListOptions
        {
            Tag = Tag,
            CreatedSince = CreatedSince is { } created ? new DateTimeOffset(created.ToUniversalTime()) : null,
            ModifiedSince = ModifiedSince is { } modified ? new DateTimeOffset(modified.ToUniversalTime()) : null,
            SortByFullName = SortByName.IsPresent,
        };
        WriteStreamOrError(session.Client, ct => courses.ListAsync(options, ct), course => new TotaraCourse(course, session.Url), session);
    }

    private void GetOne(TotaraSession session, CoursesClient courses, CourseIdentity identity)
    {
        try
        {
            _catalogue ??= Run(session.Client, async ct =>
            {
                var all = new List<CourseData>();
                await foreach (var course in courses.ListAsync(null, ct)) all.Add(course);
                return all;
            });
            var found = CoursesClient.Match(_catalogue, identity.Text);
            if (found.Count == 0)
            {
                WriteError(TotaraErrors.Create(
                    new ItemNotFoundException($"No course has the id, idnumber, shortname or full name '{identity.Text}' on {session.Url}."),
                    ErrorIds.CourseNotFound, ErrorCategory.ObjectNotFound, identity.Text));
                return;
            }
            foreach (var course in found) WriteObject(new TotaraCourse(course, session.Url));
        }
        catch (Exception ex) when (IsRequestFailure(ex))
        {
            WriteRequestError(ex, identity.Text);
        }
    }
}

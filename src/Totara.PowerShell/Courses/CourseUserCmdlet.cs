using System;
using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client.Courses;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;
using Totara.PowerShell.Users;

namespace Totara.PowerShell.Courses;

/// <summary>
/// Base of the cmdlets that take users from the pipeline for one course: -Course (resolved once,
/// on the first record, and not at all under -WhatIf, which sends nothing) and -User. How the
/// users are sent is the cmdlet's sender (<see cref="EnrolmentSender"/>, <see cref="CompletionSender"/>).
/// </summary>
public abstract class CourseUserCmdlet : BatchingCmdlet<CourseUserRecord>
{
    /// <summary>The course: its id, idnumber, shortname or full name, or a TotaraCourse from Get-TotaraCourse.</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [CourseIdentityTransformation]
    [ValidateNotNull]
    public CourseIdentity Course { get; set; } = null!;

    /// <summary>The users: usernames, idnumbers, emails, ids, TotaraUser objects or records with Username/IdNumber/Email/Id.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
    [Alias("Identity")]
    [UserIdentityTransformation]
    [ValidateNotNullOrEmpty]
    public UserIdentity[] User { get; set; } = Array.Empty<UserIdentity>();

    /// <summary>The resolved course, shared with the sender.</summary>
    private protected CourseTarget Target { get; } = new();

    /// <inheritdoc />
    protected override IEnumerable<CourseUserRecord> ReadRecords(TotaraSession session)
    {
        if (Target.Reference is null && !IsWhatIf) ResolveCourse(session);
        foreach (var identity in User)
            yield return new CourseUserRecord(NextRecordNumber(), identity.SourceRecord, identity);
    }

    /// <summary>Finds the course once; one that cannot be found stops the command, as no user could be processed.</summary>
    private void ResolveCourse(TotaraSession session)
    {
        if (Course.KnownOn(session.Url) is { } known)
        {
            Target.Resolve(known.Id, known.ToString());
            return;
        }
        try
        {
            var course = Run(session.Client, ct => session.Client.Courses.ResolveAsync(Course.Text, ct));
            Target.Resolve(course.Id, course.ToString());
        }
        catch (CourseNotFoundException ex)
        {
            ThrowTerminatingError(TotaraErrors.Create(ex, ErrorIds.CourseNotFound,
                ex.Ambiguous ? ErrorCategory.InvalidArgument : ErrorCategory.ObjectNotFound, Course.Text));
        }
        catch (Exception ex) when (IsRequestFailure(ex))
        {
            ThrowRequestError(ex, Course.Text);
        }
    }
}

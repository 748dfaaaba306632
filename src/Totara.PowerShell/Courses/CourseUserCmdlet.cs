using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Totara.Client;
using Totara.Client.Courses;
using Totara.Client.Users;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;
using Totara.PowerShell.Users;

namespace Totara.PowerShell.Courses;

/// <summary>One user of a course command (to enrol, unenrol, test or report on).</summary>
public sealed class CourseUserRecord : BatchRecord
{
    internal CourseUserRecord(int number, object? input, UserIdentity identity) : base(number, input, identity.Text) => Identity = identity;

    public UserIdentity Identity { get; }
}

/// <summary>
/// Base of the cmdlets that take users from the pipeline for one course: -Course (resolved once,
/// on the first record, and not at all under -WhatIf, which sends nothing), -User, duplicate
/// users refused, and the per-user error for a user no reference matches.
/// </summary>
public abstract class CourseUserCmdlet<TOutcome> : BatchingCmdlet<CourseUserRecord, TOutcome>
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

    /// <summary>The resolved course (by id), set before the first batch is sent.</summary>
    private protected CourseReference? CourseReference { get; private set; }

    /// <summary>How results name the course: "Full name (SHORTNAME)".</summary>
    private protected string CourseLabel { get; private set; } = "";

    private protected long? CourseId { get; private set; }

    /// <inheritdoc />
    protected override IEnumerable<CourseUserRecord> ReadRecords(TotaraSession session)
    {
        if (CourseReference is null && !IsWhatIf) ResolveCourse(session);
        foreach (var identity in User)
            yield return new CourseUserRecord(NextRecordNumber(), identity.SourceRecord, identity);
    }

    /// <inheritdoc />
    protected override IEnumerable<KeyValuePair<string, string>> UniqueKeys(CourseUserRecord record)
        => ActiveSession is { } session ? record.Identity.KeyFor(session.Url) : Enumerable.Empty<KeyValuePair<string, string>>();

    /// <summary>The user requests of a batch, each tagged with its record.</summary>
    private protected static List<UserRequest> Requests(TotaraSession session, IReadOnlyList<CourseUserRecord> batch) =>
        batch.Select(r => new UserRequest(r.Identity.CandidatesFor(session.Url), r)).ToList();

    /// <summary>Writes a user's failure: not found, state unknown after a lost answer, or refused by the site.</summary>
    private protected void WriteUserError(CourseUserRecord record, TotaraGraphQLError error, bool userNotFound, string candidates)
    {
        var session = ActiveSession!;
        if (userNotFound)
        {
            WriteError(TotaraErrors.UserNotFound(record, $"no user matches {candidates} on {session.Url}.", "User", error.Category));
            return;
        }
        WriteError(TotaraErrors.RecordFailure(record, error, null));
    }

    /// <summary>Finds the course once; one that cannot be found stops the command, as no user could be processed.</summary>
    private void ResolveCourse(TotaraSession session)
    {
        if (Course.KnownOn(session.Url) is { } known)
        {
            (CourseReference, CourseLabel, CourseId) = (CourseReference.ById(known.Id), known.ToString(), known.Id);
            return;
        }
        try
        {
            var course = Run(session.Client, ct => session.Client.Courses.ResolveAsync(Course.Text, ct));
            (CourseReference, CourseLabel, CourseId) = (CourseReference.ById(course.Id), course.ToString(), course.Id);
        }
        catch (CourseNotFoundException ex)
        {
            ThrowTerminatingError(TotaraErrors.Create(ex, CourseErrorIds.CourseNotFound,
                ex.Ambiguous ? ErrorCategory.InvalidArgument : ErrorCategory.ObjectNotFound, Course.Text));
        }
        catch (Exception ex) when (IsRequestFailure(ex))
        {
            ThrowRequestError(ex, Course.Text);
        }
    }
}

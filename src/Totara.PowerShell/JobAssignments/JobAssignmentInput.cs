using System;
using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client.JobAssignments;
using Totara.Client.Users;
using Totara.PowerShell.Session;
using Totara.PowerShell.Users;
using Totara.PowerShell.Infrastructure;

namespace Totara.PowerShell.JobAssignments;

/// <summary>
/// One input of a job-assignment cmdlet as bound: which parameters count as given, the holder it
/// names, and the assignment an update or delete names.
/// </summary>
internal sealed class JobAssignmentInput
{
    private readonly IDictionary<string, object> _bound;
    private readonly Func<string, bool> _isExplicit;
    private readonly UserIdentity? _user;
    private readonly string? _userIdNumber;

    public JobAssignmentInput(IDictionary<string, object> bound, Func<string, bool> isExplicit, PSObject? piped, UserIdentity? user, string? userIdNumber)
    {
        _bound = bound;
        _isExplicit = isExplicit;
        Piped = piped;
        _user = user;
        _userIdNumber = userIdNumber;
    }

    /// <summary>The piped object, as bound (null for parameters only).</summary>
    public PSObject? Piped { get; }

    /// <summary>The object errors point at: the piped record, or null for parameters only.</summary>
    public object? Target => Piped is { } input && input.BaseObject is not string ? input : null;

    /// <summary>True when the parameter was bound at all.</summary>
    public bool IsBound(string parameter) => _bound.ContainsKey(parameter);

    /// <summary>
    /// True when a parameter's value should be used: it was on the command line, or it came from a
    /// piped record (not a TotaraJobAssignment, which only names its assignment) and is not empty.
    /// </summary>
    public bool IsGiven(string parameter, object? value)
    {
        if (!IsBound(parameter)) return false;
        if (_isExplicit(parameter)) return true;
        if (Piped?.BaseObject is TotaraJobAssignment) return false;
        return !JobAssignmentDate.IsEmpty(value);
    }

    /// <summary>The holder named by -UserIdNumber or -User (first as given); null with a problem when neither is.</summary>
    public UserReference? HolderOf(TotaraSession session, out string? problem)
    {
        problem = null;
        if (Piped?.BaseObject is TotaraJobAssignment piped)
            return piped.HolderOn(session.Url);
        if (IsGiven("UserIdNumber", _userIdNumber) && !string.IsNullOrWhiteSpace(_userIdNumber)) return UserReference.ByIdNumber(_userIdNumber!);
        if (_user is not null && IsBound("User")) return _user.CandidatesFor(session.Url)[0];
        problem = "no user is named: give UserIdNumber (HR Import's useridnumber) or User.";
        return null;
    }

    /// <summary>
    /// The assignment an update or delete names: a piped TotaraJobAssignment (by id on its own site),
    /// -Id, or -IdNumber with the user. Null, with a label and the problem, when it names none.
    /// </summary>
    public JobAssignmentReference? TargetOf(TotaraSession session, long id, string? idNumber, out string label, out string? problem)
    {
        problem = null;
        if (Piped?.BaseObject is TotaraJobAssignment piped && Sites.Same(piped.Site, session.Url))
        {
            label = $"job '{piped.IdNumber}' of {piped.Username ?? piped.UserIdNumber}";
            return JobAssignmentReference.ById(piped.Id);
        }
        if (id > 0 && IsBound("Id"))
        {
            label = $"job assignment id {id}";
            return JobAssignmentReference.ById(id);
        }
        label = string.IsNullOrWhiteSpace(idNumber) ? "(no job idnumber)" : $"job '{idNumber!.Trim()}'";
        if (string.IsNullOrWhiteSpace(idNumber))
        {
            problem = "no job assignment is named: give IdNumber with UserIdNumber (or User), or Id.";
            return null;
        }
        var holder = HolderOf(session, out problem);
        if (holder is null) return null;
        label = $"job '{idNumber!.Trim()}' of {holder}";
        return JobAssignmentReference.ByIdNumber(holder, idNumber);
    }
}

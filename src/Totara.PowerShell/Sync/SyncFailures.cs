using System;
using System.Management.Automation;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;
using Totara.Sync;

namespace Totara.PowerShell.Sync;

/// <summary>The terminating errors of an engine step that failed: the state file, or a request after the client's retries.</summary>
internal static class SyncFailures
{
    /// <summary>The error record for <paramref name="ex"/>, or null when it is no failure of the sync's (a stop, a bug).</summary>
    /// <param name="ex">What the step threw.</param>
    /// <param name="isRequestFailure">Whether it is a request's failure (the cmdlet base decides that).</param>
    /// <param name="session">The session, the target of a request's error.</param>
    /// <param name="statePath">-StatePath as given, the target of a failed save.</param>
    /// <param name="planning">
    /// True for planning, which takes and reads the state file before anything is sent: the file's own
    /// errors say why it is unusable. After that, any I/O failure is a save that failed mid-run (the disk
    /// filled, say): the lock taken before planning showed the path could be written.
    /// </param>
    public static ErrorRecord? ToError(Exception ex, bool isRequestFailure, TotaraSession session, string? statePath, bool planning) => ex switch
    {
        SyncStateFileInUseException inUse when planning => TotaraErrors.Create(inUse, ErrorIds.StateFileInUse, ErrorCategory.ResourceBusy, inUse.Path),
        SyncStateFileInvalidException invalid when planning => TotaraErrors.Create(invalid, ErrorIds.StateFileInvalid, ErrorCategory.InvalidData, invalid.Path),
        SyncStateFileException unwritable when planning => TotaraErrors.Create(unwritable, ErrorIds.StateFileInvalid, ErrorCategory.WriteError, unwritable.Path),
        System.IO.IOException or UnauthorizedAccessException when !planning => TotaraErrors.Create(ex, ErrorIds.StateFileInvalid, ErrorCategory.WriteError, statePath),
        _ when isRequestFailure => TotaraErrors.FromException(ex, session),
        _ => null,
    };
}

using System;
using System.IO;

namespace Totara.Sync;

/// <summary>
/// One run's hold on a state file: an exclusive open (FileShare.None) of the sibling file
/// <c>&lt;state&gt;.lock</c>, kept for the whole run. A second run on the same state file fails to
/// open it and stops before it reads anything, so two runs never overwrite each other's record.
/// </summary>
/// <remarks>
/// The lock is the open handle, not the file: the operating system releases it when the process
/// ends, however it ends, so a crashed run never blocks the next one. The lock file itself is left
/// in place (empty): deleting it on release would let a run that opened the old file and a run that
/// created a new one both believe they hold the lock. Taking the lock also proves, before any change
/// is sent, that the state file's folder and the state file itself can be written.
/// </remarks>
public sealed class StateFileLock : IDisposable
{
    private readonly FileStream _handle;

    private StateFileLock(FileStream handle, string statePath)
    {
        _handle = handle;
        StatePath = statePath;
    }

    /// <summary>The state file's full path.</summary>
    public string StatePath { get; }

    /// <summary>The lock file's full path (<c>&lt;state&gt;.lock</c>).</summary>
    public string LockPath => _handle.Name;

    /// <summary>
    /// Takes the lock. Throws <see cref="SyncStateFileInUseException"/> when another run holds it and
    /// <see cref="SyncStateFileException"/> when the state file or its folder cannot be written.
    /// </summary>
    public static StateFileLock Acquire(string statePath)
    {
        if (string.IsNullOrWhiteSpace(statePath)) throw new ArgumentException("The state file's path is empty.", nameof(statePath));
        var full = Path.GetFullPath(statePath);
        var lockPath = full + ".lock";
        FileStream handle;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            handle = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (ex.GetType() == typeof(IOException) && File.Exists(lockPath))
        {
            // A plain IOException on a file that exists is the sharing violation (Windows) or the
            // failed flock (Unix): another process, or another run in this one, holds it.
            throw new SyncStateFileInUseException(full, lockPath, ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(full, $"its lock file {lockPath} cannot be created ({ex.Message})", ex);
        }

        try
        {
            CheckWritable(full);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
        return new StateFileLock(handle, full);
    }

    /// <summary>Releases the lock, so another run may use the state file.</summary>
    public void Dispose() => _handle.Dispose();

    /// <summary>An existing state file must open for writing (not read-only, not a folder); a new one is created by the first save.</summary>
    private static void CheckWritable(string full)
    {
        if (Directory.Exists(full)) throw Unwritable(full, "it is a folder", null);
        if (!File.Exists(full)) return;
        try
        {
            using (new FileStream(full, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete)) { }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(full, $"it cannot be opened for writing ({ex.Message})", ex);
        }
    }

    private static SyncStateFileException Unwritable(string full, string why, Exception? inner) =>
        new(full, $"The state file {full} cannot be written: {why}. Nothing was changed; give a -StatePath that can be written.", inner);
}

using System.IO;

namespace Totara.Sync;

/// <summary>The state file cannot be used for this run (it cannot be written); nothing was changed.</summary>
public class SyncStateFileException : IOException
{
    /// <summary>Makes the failure for a state file this run cannot use.</summary>
    /// <param name="path">The state file's full path.</param>
    /// <param name="message">What is wrong, naming the path.</param>
    /// <param name="inner">The file-system exception behind it, if any.</param>
    public SyncStateFileException(string path, string message, System.Exception? inner = null) : base(message, inner) => Path = path;

    /// <summary>The state file's full path.</summary>
    public string Path { get; }
}

/// <summary>The state file's content cannot be read as a state file: the message says what is wrong.</summary>
public sealed class SyncStateFileInvalidException : SyncStateFileException
{
    /// <summary>Makes the failure for a state file whose content is not a state file.</summary>
    /// <param name="path">The state file's full path.</param>
    /// <param name="problem">What is wrong, without the path.</param>
    /// <param name="inner">The parse exception behind it, if any.</param>
    public SyncStateFileInvalidException(string path, string problem, System.Exception? inner = null)
        : base(path, $"The state file {path} cannot be read: {problem}", inner)
    {
        Problem = problem;
    }

    /// <summary>What is wrong, without the path.</summary>
    public string Problem { get; }
}

/// <summary>Another run holds the state file; this one read and changed nothing.</summary>
public sealed class SyncStateFileInUseException : SyncStateFileException
{
    /// <summary>Makes the failure for a state file another run holds.</summary>
    /// <param name="path">The state file's full path.</param>
    /// <param name="lockPath">The lock file the other run holds open.</param>
    /// <param name="inner">The file-system exception behind it, if any.</param>
    public SyncStateFileInUseException(string path, string lockPath, System.Exception? inner = null)
        : base(path,
            $"The state file {path} is in use by another Invoke-TotaraSync run (it holds {lockPath}); nothing was read or changed. " +
            "Two runs on one state file would overwrite each other's record of the memberships they added. Run again when the other " +
            "run has finished. A run that crashed holds nothing: its lock ended with its process.", inner)
    {
        LockPath = lockPath;
    }

    /// <summary>The lock file the other run holds open (beside the state file); it goes when that run's process ends.</summary>
    public string LockPath { get; }
}

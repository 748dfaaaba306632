using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Text;

namespace Totara.PowerShell.Tests.TestSupport;

/// <summary>Everything one script run produced: output, every stream, and how it ended.</summary>
public sealed class ScriptResult
{
    internal ScriptResult(
        Collection<PSObject> output, PSDataStreams streams, bool hadErrors, RuntimeException? terminatingError)
    {
        Output = output.Where(item => item is not null).ToList();
        Errors = streams.Error.ToList();
        Warnings = streams.Warning.Select(record => record.Message).ToList();
        Verbose = streams.Verbose.Select(record => record.Message).ToList();
        Debug = streams.Debug.Select(record => record.Message).ToList();
        Information = streams.Information.ToList();
        Progress = streams.Progress.ToList();
        HadErrors = hadErrors || terminatingError is not null;
        TerminatingError = terminatingError;
    }

    /// <summary>The pipeline's output objects (nulls dropped).</summary>
    public IReadOnlyList<PSObject> Output { get; }

    /// <summary>Non-terminating errors, in order.</summary>
    public IReadOnlyList<ErrorRecord> Errors { get; }
    public IReadOnlyList<string> Warnings { get; }
    public IReadOnlyList<string> Verbose { get; }
    public IReadOnlyList<string> Debug { get; }
    public IReadOnlyList<InformationRecord> Information { get; }
    public IReadOnlyList<ProgressRecord> Progress { get; }

    /// <summary>PowerShell's HadErrors: any error record, or a terminating error.</summary>
    public bool HadErrors { get; }

    /// <summary>The error that stopped the script (a throw, -ErrorAction Stop, a cmdlet's ThrowTerminatingError), if any.</summary>
    public RuntimeException? TerminatingError { get; }

    /// <summary>The terminating error's ErrorRecord, if any.</summary>
    public ErrorRecord? TerminatingRecord => TerminatingError?.ErrorRecord;

    /// <summary>Output objects whose base object is a <typeparamref name="T"/>, unwrapped.</summary>
    public IReadOnlyList<T> OutputOf<T>() => Output.Select(item => item.BaseObject).OfType<T>().ToList();

    /// <summary>Throws with every error's text when the run had errors: use before asserting on output.</summary>
    public ScriptResult AssertNoErrors()
    {
        if (!HadErrors) return this;
        var message = new StringBuilder("The script had errors:");
        if (TerminatingError is not null) message.Append("\n  terminating: ").Append(Describe(TerminatingError.ErrorRecord));
        foreach (var error in Errors) message.Append("\n  ").Append(Describe(error));
        throw new Xunit.Sdk.XunitException(message.ToString());
    }

    private static string Describe(ErrorRecord record) =>
        $"{record.FullyQualifiedErrorId} ({record.CategoryInfo.Category}): {record.Exception?.Message}";
}

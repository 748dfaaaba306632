using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text.RegularExpressions;

namespace Totara.DemoRunner;

/// <summary>Writes every stream to the console, each in its own colour and with its own prefix.</summary>
internal sealed class DemoHostUserInterface : PSHostUserInterface
{
    // Tables and errors come styled with ANSI codes ($PSStyle); a log or a test wants plain text.
    private static readonly Regex AnsiSequence = new(@"\x1b\[[0-9;?]*[A-Za-z]", RegexOptions.Compiled);
    private static readonly bool PlainText = Console.IsOutputRedirected;
    private readonly DemoHostRawUserInterface _rawUI = new();
    private readonly HashSet<string> _progressShown = new();

    public override PSHostRawUserInterface RawUI => _rawUI;

    /// <summary>Colour codes only for a terminal; a redirected run (a log, a test) gets plain text.</summary>
    public override bool SupportsVirtualTerminal => !Console.IsOutputRedirected;

    public override void Write(string value) => Console.Write(Plain(value));

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) =>
        InColour(foregroundColor, () => Console.Write(Plain(value)));

    public override void WriteLine(string value) => Console.WriteLine(Plain(value));

    public override void WriteErrorLine(string value) => InColour(ConsoleColor.Red, () => Console.Error.WriteLine(Plain(value)));

    public override void WriteWarningLine(string message) => InColour(ConsoleColor.Yellow, () => Console.WriteLine("WARNING: " + Plain(message)));

    public override void WriteVerboseLine(string message) => InColour(ConsoleColor.DarkGray, () => Console.WriteLine("VERBOSE: " + Plain(message)));

    public override void WriteDebugLine(string message) => InColour(ConsoleColor.DarkGray, () => Console.WriteLine("DEBUG: " + Plain(message)));

    public override void WriteInformation(InformationRecord record)
    {
        // Write-Host output (tagged PSHOST) is written by the engine through Write(); other
        // information records are shown only when $InformationPreference asks, as in pwsh.
    }

    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
        // A console redraws one progress bar; a log shows each new status once instead.
        if (record.RecordType == ProgressRecordType.Completed) return;
        string line = $"{record.Activity}: {record.StatusDescription}";
        if (_progressShown.Add(line)) InColour(ConsoleColor.DarkCyan, () => Console.WriteLine("PROGRESS: " + line));
    }

    public override string ReadLine() => throw NotInteractive();
    public override SecureString ReadLineAsSecureString() => throw NotInteractive();
    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw NotInteractive();
    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice) => throw NotInteractive();
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw NotInteractive();
    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName,
        PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw NotInteractive();

    private static string Plain(string text) => PlainText ? AnsiSequence.Replace(text, "") : text;

    private static Exception NotInteractive() =>
        new PSInvalidOperationException("The demo runner cannot prompt: pass every value the script needs as a parameter.");

    private static void InColour(ConsoleColor colour, Action write)
    {
        if (PlainText) { write(); return; }
        var previous = Console.ForegroundColor;
        Console.ForegroundColor = colour;
        try { write(); }
        finally { Console.ForegroundColor = previous; }
    }
}

using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;

namespace Totara.DemoRunner;

/// <summary>Runs a script file in a fresh runspace that has the built module imported, printing as pwsh would.</summary>
internal sealed class ScriptRunner
{
    private readonly string _moduleManifest;

    public ScriptRunner(string moduleManifest) => _moduleManifest = moduleManifest;

    /// <returns>0 when the script ran to the end, 1 when a terminating error stopped it (or its `exit` code).</returns>
    public int Run(string scriptPath, IDictionary<string, object> parameters)
    {
        var host = new DemoHost();
        var state = InitialSessionState.CreateDefault2();
        if (OperatingSystem.IsWindows()) state.ExecutionPolicy = Microsoft.PowerShell.ExecutionPolicy.Bypass;
        ConsoleStandIns.AddTo(state);
        ImportCsvStandIn.AddTo(state);
        using var runspace = RunspaceFactory.CreateRunspace(host, state);
        runspace.Open();

        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddCommand("Import-Module").AddParameter("Name", _moduleManifest).AddParameter("ErrorAction", ActionPreference.Stop);
        if (!Invoke(shell, host)) return 1;

        shell.Commands.Clear();
        shell.AddCommand(scriptPath).AddParameters((System.Collections.IDictionary)parameters);
        // Errors go through the same formatting as objects, in order, exactly as at a pwsh prompt.
        shell.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
        shell.AddCommand("Out-Default");

        ConsoleCancelEventHandler stop = (_, e) => { e.Cancel = true; shell.BeginStop(null, null); };
        Console.CancelKeyPress += stop;
        try
        {
            return Invoke(shell, host) ? host.ExitCode ?? 0 : 1;
        }
        finally
        {
            Console.CancelKeyPress -= stop;
        }
    }

    private static bool Invoke(PowerShell shell, DemoHost host)
    {
        try
        {
            shell.Invoke();
            return true;
        }
        catch (RuntimeException exception)
        {
            var record = exception.ErrorRecord;
            host.UI.WriteErrorLine($"Stopped by a terminating error: {record}");
            if (record.InvocationInfo?.PositionMessage is { Length: > 0 } position) host.UI.WriteErrorLine(position);
            host.UI.WriteErrorLine($"({record.FullyQualifiedErrorId}, {record.CategoryInfo.Category})");
            return false;
        }
    }

    /// <summary>A read-only SecureString, as Read-Host -AsSecureString would give.</summary>
    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (char character in text) secure.AppendChar(character);
        secure.MakeReadOnly();
        return secure;
    }
}

using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Totara.PowerShell.Tests.TestSupport;

/// <summary>
/// A real PowerShell runspace in the test process with the BUILT module imported from
/// out/Totara.PowerShell/&lt;ModuleVersion&gt;/ (exactly what users install), as PowerShell's own
/// test_Runspace.cs does. One instance per test: runspaces are cheap, and sessions are per runspace.
/// </summary>
/// <remarks>
/// The engine is Microsoft.PowerShell.SDK 7.6.10, the same PowerShell as the pinned pwsh tool,
/// with its real Utility and Management cmdlets (Import-Csv, ConvertTo-Json, Out-String, ...).
/// This process never loads Totara.Client or Totara.Sync itself: the module loads them exactly
/// as in pwsh (Module/AssemblyIsolationTests). What a user sees is tested in real pwsh by the
/// Pester suite; these tests are for fast logic checks.
/// Nothing is shared between two ModuleRunspace instances except the loaded assemblies.
/// </remarks>
public sealed class ModuleRunspace : IDisposable
{
    private readonly Runspace _runspace;

    /// <param name="importModule">False gives a runspace without the module (to test importing it).</param>
    public ModuleRunspace(bool importModule = true)
    {
        _runspace = HostedRunspace.Open();
        if (!importModule) return;

        var manifest = HostedRunspace.BuiltModuleManifest();
        var imported = Run("Import-Module -Name $path -PassThru -ErrorAction Stop", variables: new() { ["path"] = manifest });
        imported.AssertNoErrors();
        Module = imported.OutputOf<PSModuleInfo>().Single();
    }

    /// <summary>The imported module (null when constructed with importModule: false).</summary>
    public PSModuleInfo? Module { get; }

    public Runspace Runspace => _runspace;

    /// <summary>
    /// Runs <paramref name="script"/>. <paramref name="parameters"/> bind to the script's param() block;
    /// <paramref name="variables"/> are set in the runspace first (they stay set for later runs).
    /// A terminating error does not throw: it is in <see cref="ScriptResult.TerminatingError"/>.
    /// </summary>
    public ScriptResult Run(string script, Dictionary<string, object?>? parameters = null, Dictionary<string, object?>? variables = null)
    {
        foreach (var variable in variables ?? new())
            _runspace.SessionStateProxy.SetVariable(variable.Key, variable.Value);

        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        if (parameters is not null) shell.AddParameters(parameters);

        System.Collections.ObjectModel.Collection<PSObject> output;
        RuntimeException? terminating = null;
        try
        {
            output = shell.Invoke();
        }
        catch (RuntimeException exception)
        {
            output = new();
            terminating = exception;
        }
        return new ScriptResult(output, shell.Streams, shell.HadErrors, terminating);
    }

    /// <summary>Runs the script and returns its output objects of type <typeparamref name="T"/>; throws on any error.</summary>
    public IReadOnlyList<T> RunFor<T>(string script, Dictionary<string, object?>? parameters = null, Dictionary<string, object?>? variables = null) =>
        Run(script, parameters, variables).AssertNoErrors().OutputOf<T>();

    public void Dispose() => _runspace.Dispose();
}

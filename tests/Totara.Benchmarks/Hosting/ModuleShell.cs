using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace Totara.Benchmarks.Hosting;

/// <summary>
/// A PowerShell runspace in this process with the BUILT module imported from out/ (what users
/// install), as tests/Totara.PowerShell.Tests' ModuleRunspace does. Only the core engine's
/// cmdlets exist here (no Select-Object, Measure-Object, Write-Output): scripts use the language.
/// </summary>
internal sealed class ModuleShell : IDisposable
{
    private readonly Runspace _runspace;

    public ModuleShell()
    {
        _runspace = HostedRunspace.Open();
        Run("Import-Module -Name $args[0] -ErrorAction Stop", HostedRunspace.BuiltModuleManifest()).ThrowOnErrors("Import-Module");
    }

    /// <summary>Runs <paramref name="script"/> with positional <paramref name="arguments"/> (bound to its param() block).</summary>
    public ShellResult Run(string script, params object?[] arguments)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        foreach (var argument in arguments) shell.AddArgument(argument);
        try
        {
            var output = shell.Invoke();
            return new ShellResult(output.Where(o => o is not null).ToList(), shell.Streams.Error.ToList(), null);
        }
        catch (RuntimeException exception)
        {
            return new ShellResult(new List<PSObject>(), shell.Streams.Error.ToList(), exception);
        }
    }

    public void Dispose() => _runspace.Dispose();
}

/// <summary>What one script run gave back.</summary>
internal sealed record ShellResult(IReadOnlyList<PSObject> Output, IReadOnlyList<ErrorRecord> Errors, RuntimeException? Terminating)
{
    /// <summary>The first output object's property <paramref name="name"/>, converted.</summary>
    public T Value<T>(string name) =>
        (T)LanguagePrimitives.ConvertTo(Output.Last().Properties[name]?.Value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);

    public ShellResult ThrowOnErrors(string what)
    {
        if (Terminating is not null)
            throw new InvalidOperationException($"{what} stopped: {Terminating.ErrorRecord.FullyQualifiedErrorId}: {Terminating.Message}", Terminating);
        if (Errors.Count > 0)
            throw new InvalidOperationException($"{what} wrote {Errors.Count} error(s); first: {Errors[0].FullyQualifiedErrorId}: {Errors[0].Exception?.Message}");
        return this;
    }
}

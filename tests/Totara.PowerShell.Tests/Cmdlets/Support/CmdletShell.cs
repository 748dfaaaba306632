using System.Management.Automation;
using System.Security;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Cmdlets;

/// <summary>
/// A <see cref="ModuleRunspace"/> (the built module imported into a hosted runspace) with the
/// shorthand these tests use: variables as tuples and a <see cref="ScriptRun"/> that checks every
/// stream for secrets. Each shell is its own runspace, so each has its own default session.
/// </summary>
internal sealed class CmdletShell : IDisposable
{
    private readonly ModuleRunspace runspace = new();

    /// <summary>A shell whose default session is connected to <paramref name="site"/>.</summary>
    public static CmdletShell Connected(TestSite site)
    {
        var shell = new CmdletShell();
        shell.Run("Connect-Totara -Url $url -ClientId $id -ClientSecret $secret", site.Variables()).AssertNoErrors();
        return shell;
    }

    /// <summary>A SecureString for a script variable (ConvertTo-SecureString is not in the hosted engine).</summary>
    public static SecureString Secure(string text) => SecureStrings.From(text);

    /// <summary>Sets the variables in the runspace, runs the script, and collects every stream.</summary>
    public ScriptRun Run(string script, params (string Name, object? Value)[] variables)
    {
        var result = runspace.Run(script, variables: variables.ToDictionary(v => v.Name, v => v.Value));
        var errors = result.Errors.ToList();
        if (result.TerminatingRecord is { } terminating) errors.Add(terminating);
        return new ScriptRun
        {
            Output = result.Output,
            Errors = errors,
            Verbose = result.Verbose,
            Warnings = result.Warnings,
            Other = result.Debug.Concat(result.Information.Select(i => i.ToString())).ToArray(),
        };
    }

    public void Dispose() => runspace.Dispose();
}

using System.Globalization;
using System.Management.Automation.Host;

namespace Totara.DemoRunner;

/// <summary>
/// A minimal, non-interactive console host. With a host, the runspace's own formatting
/// (Out-Default / Out-Host and the module's format views) and the verbose, warning, debug,
/// progress and Write-Host output reach the console as they would in pwsh.
/// </summary>
internal sealed class DemoHost : PSHost
{
    private readonly DemoHostUserInterface _ui = new();

    public override string Name => "Totara.DemoRunner";
    public override Version Version { get; } = new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => _ui;
    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

    /// <summary>The exit code the script asked for with `exit n`, if it did.</summary>
    public int? ExitCode { get; private set; }

    public override void SetShouldExit(int exitCode) => ExitCode = exitCode;
    public override void EnterNestedPrompt() => throw new NotSupportedException("The demo runner has no nested prompt.");
    public override void ExitNestedPrompt() => throw new NotSupportedException("The demo runner has no nested prompt.");
    public override void NotifyBeginApplication() { }
    public override void NotifyEndApplication() { }
}

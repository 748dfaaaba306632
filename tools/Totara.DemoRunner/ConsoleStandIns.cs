using System.Management.Automation.Runspaces;

namespace Totara.DemoRunner;

/// <summary>
/// The hosted engine has only PowerShell's core commands; Write-Host lives in
/// Microsoft.PowerShell.Utility, which is not part of it. Scripts written for pwsh (the demo
/// among them) use it, so the runner supplies a function with the same everyday parameters.
/// </summary>
internal static class ConsoleStandIns
{
    private const string WriteHost = """
        [CmdletBinding()]
        param(
            [Parameter(Position = 0, ValueFromPipeline = $true, ValueFromRemainingArguments = $true)]
            [object[]] $Object,
            [System.ConsoleColor] $ForegroundColor = [System.ConsoleColor]::Gray,
            [System.ConsoleColor] $BackgroundColor = [System.ConsoleColor]::Black,
            [switch] $NoNewline,
            [object] $Separator = ' '
        )
        process {
            $text = (@($Object) | ForEach-Object { "$_" }) -join "$Separator"
            if ($PSBoundParameters.ContainsKey('ForegroundColor')) {
                $Host.UI.Write($ForegroundColor, $BackgroundColor, $text)
            }
            else {
                $Host.UI.Write($text)
            }
            if (-not $NoNewline) { $Host.UI.WriteLine() }
        }
        """;

    public static void AddTo(InitialSessionState state) =>
        state.Commands.Add(new SessionStateFunctionEntry("Write-Host", WriteHost));
}

namespace Totara.PowerShell;

internal static class AssemblyMarker
{
}

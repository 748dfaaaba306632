namespace Totara.Client;

internal static class AssemblyMarker
{
}

using System.Text.Json;

namespace Totara.Emulator.Tests.TestSupport;

/// <summary>
/// Reads a resolver error as a real site sends it at response_debug NORMAL: the message is
/// "Internal server error" and the real text is in extensions.debugMessage.
/// </summary>
public static class ErrorText
{
    public static string? DebugMessage(this JsonElement error) =>
        error.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("debugMessage", out var text)
            ? text.GetString()
            : null;
}

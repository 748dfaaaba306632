using System.Diagnostics;

namespace Totara.Emulator.Api;

/// <summary>
/// The <c>extensions.trace</c> Totara adds at response_debug DEVELOPER (webonyx FormattedError
/// with DebugFlag::INCLUDE_TRACE): a list of frames with file, line and call.
/// </summary>
internal static class ErrorTrace
{
    public static List<Dictionary<string, object?>> Of(Exception exception)
    {
        var frames = new StackTrace(exception, fNeedFileInfo: true).GetFrames();
        var trace = new List<Dictionary<string, object?>>(frames.Length);
        foreach (var frame in frames)
        {
            var method = frame.GetMethod();
            trace.Add(new Dictionary<string, object?>
            {
                ["file"] = frame.GetFileName() ?? "(emulator)",
                ["line"] = frame.GetFileLineNumber(),
                ["call"] = method is null ? "(unknown)" : $"{method.DeclaringType?.Name}::{method.Name}()",
            });
        }

        if (trace.Count == 0)
        {
            trace.Add(new Dictionary<string, object?> { ["file"] = "(emulator)", ["line"] = 0, ["call"] = exception.GetType().Name });
        }

        return trace;
    }
}

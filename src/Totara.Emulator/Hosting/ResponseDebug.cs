namespace Totara.Emulator;

/// <summary>
/// The site setting <c>response_debug</c> of totara_api (totara_api\response_debug): how much of
/// an error's real text the external API shows. Totara's default is <see cref="Normal"/>.
/// </summary>
public enum ResponseDebug
{
    /// <summary>No text at all: "Internal server error", no debugMessage (DebugFlag::NONE).</summary>
    None,

    /// <summary>The real text in <c>extensions.debugMessage</c> (DebugFlag::INCLUDE_DEBUG_MESSAGE).</summary>
    Normal,

    /// <summary>debugMessage and <c>extensions.trace</c> (INCLUDE_DEBUG_MESSAGE | INCLUDE_TRACE).</summary>
    Developer,
}

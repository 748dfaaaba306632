namespace Totara.Emulator;

/// <summary>A failure the emulator can be told to produce on a GraphQL request.</summary>
public enum FaultKind
{
    /// <summary>HTTP 500 with an "Internal server error" body; nothing is executed.</summary>
    ServerError,

    /// <summary>Totara's HTTP 429 (no Retry-After); nothing is executed.</summary>
    TooManyRequests,

    /// <summary>The connection is dropped before the request is executed.</summary>
    DropBeforeExecute,

    /// <summary>The request is executed (mutations applied), then the connection is dropped.</summary>
    DropAfterExecute,

    /// <summary>No fault: the request runs as usual. Queued before a fault, it aims that fault at a later request.</summary>
    None,
}

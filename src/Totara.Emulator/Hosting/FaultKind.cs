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

    /// <summary>
    /// The rate limit refuses the request at the check before root field ⌊n/2⌋ + 1 of its n, as
    /// when another client has used up the site's budget: the root fields before it ran (and were
    /// committed), and the answer is Totara's 429. A request with one root field is refused before it.
    /// </summary>
    TooManyRequestsMidRequest,
}

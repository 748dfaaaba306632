using System;
using System.Collections.Generic;
using Totara.Client;

namespace Totara.PowerShell.Infrastructure;

/// <summary>
/// Carries one entry of a GraphQL response's <c>errors</c> array in an ErrorRecord, so the
/// record shows Totara's own message and scripts can read its category and path.
/// </summary>
public sealed class TotaraGraphQLErrorException : Exception
{
    internal TotaraGraphQLErrorException(TotaraGraphQLError error)
        : base(error.Explanation)
    {
        Category = error.Category;
        DebugMessage = error.DebugMessage;
        Path = error.Path ?? Array.Empty<object>();
    }

    /// <summary>Totara's error category (extensions.category), e.g. query_complexity.</summary>
    public string? Category { get; }

    /// <summary>Totara's debug message, when the site's debug level includes it.</summary>
    public string? DebugMessage { get; }

    /// <summary>The response path of the field that failed (alias, then list indexes and fields).</summary>
    public IReadOnlyList<object> Path { get; }
}

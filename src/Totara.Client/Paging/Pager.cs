using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using Totara.Client.Transport;

namespace Totara.Client.Paging;

/// <summary>
/// Follows Totara's cursor paging (<c>{items, total, next_cursor}</c>) lazily: one page is held
/// at a time, each item is yielded as a detached copy, and the page's document is disposed
/// before the next is fetched, so memory stays flat however many records there are.
/// </summary>
internal sealed class Pager
{
    // A cursor that does not move would loop for ever; no real list is this long.
    private const int MaxPages = 1_000_000;

    private readonly OperationRunner _runner;

    public Pager(OperationRunner runner) => _runner = runner;

    public async IAsyncEnumerable<JsonElement> PageAsync(
        GraphQLRequest request, string listField, string cursorVariable, [EnumeratorCancellation] CancellationToken ct)
    {
        var variables = new Dictionary<string, object?>(request.Variables, StringComparer.Ordinal);
        if (!variables.ContainsKey(cursorVariable))
            variables[cursorVariable] = null;

        string? previousCursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            string? nextCursor;
            using (var answer = await _runner.SendAsync(request.WithVariables(variables), ct).ConfigureAwait(false))
            {
                ThrowOnErrors(answer, listField);
                var list = FindList(answer, listField);
                var items = list.TryGetProperty("items", out var i) && i.ValueKind == JsonValueKind.Array
                    ? i
                    : throw new TotaraException($"The answer has no 'items' list under '{listField}'; select items {{ ... }} in the query.");

                var count = 0;
                foreach (var item in items.EnumerateArray())
                {
                    count++;
                    yield return item.Clone();
                }

                nextCursor = list.TryGetProperty("next_cursor", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                if (count == 0 || string.IsNullOrEmpty(nextCursor))
                    yield break;
                if (nextCursor == previousCursor)
                    throw new TotaraException($"The site returned the same next_cursor twice for '{listField}'; stopping to avoid an endless loop.");
            }

            previousCursor = nextCursor;
            variables[cursorVariable] = nextCursor;
        }
    }

    private static void ThrowOnErrors(RawAnswer answer, string listField)
    {
        if (answer.Errors.Count == 0) return;
        // Partial data is no use for a list: fail with Totara's own error, typed.
        var failure = ErrorMapper.FromGraphQLError(answer.Errors[0], answer.Status);
        failure.Errors = answer.Errors;
        throw failure;
    }

    private static JsonElement FindList(RawAnswer answer, string listField)
    {
        var current = answer.Data ?? throw new TotaraException($"The answer has no data for '{listField}'.");
        foreach (var segment in listField.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current) || current.ValueKind == JsonValueKind.Null)
                throw new TotaraException($"The answer has no '{listField}' (missing '{segment}'); check the list field name and the query.");
        }
        return current;
    }
}

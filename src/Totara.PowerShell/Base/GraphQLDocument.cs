using System;
using System.Collections.Generic;

namespace Totara.PowerShell;

/// <summary>
/// Reads just enough of a GraphQL document to know which operations it defines (kind and name),
/// so Invoke-TotaraGraphQL can honour -WhatIf/-Confirm for mutations without a parser dependency.
/// Comments, strings and block strings are skipped; only top-level definitions are read.
/// </summary>
internal sealed class GraphQLDocument
{
    private GraphQLDocument(IReadOnlyList<(string Kind, string? Name)> operations) => Operations = operations;

    /// <summary>Each top-level operation: kind (query, mutation, subscription) and name (null when anonymous).</summary>
    public IReadOnlyList<(string Kind, string? Name)> Operations { get; }

    /// <summary>
    /// True when the operation that will run is a mutation: the one named by
    /// <paramref name="operationName"/>, or — without a name — any mutation in the document.
    /// </summary>
    public bool RunsMutation(string? operationName, out string? mutationName)
    {
        mutationName = null;
        foreach (var (kind, name) in Operations)
        {
            if (kind != "mutation") continue;
            if (!string.IsNullOrEmpty(operationName) && !string.Equals(name, operationName, StringComparison.Ordinal)) continue;
            mutationName = name;
            return true;
        }

        return false;
    }

    public static GraphQLDocument Parse(string text)
    {
        var operations = new List<(string, string?)>();
        var depth = 0;
        string? headerKind = null; // set between "query"/"mutation"/"fragment"… and its opening '{'
        var named = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '#') { i = SkipLine(text, i); continue; }
            if (c == '"') { i = SkipString(text, i); continue; }
            if (c == '@') { i = SkipName(text, i + 1); continue; } // a directive's name is not the operation's
            if (c == '{' && depth == 0)
            {
                if (headerKind is null) operations.Add(("query", null)); // shorthand "{ field }"
                else if (headerKind != "fragment" && !named) operations.Add((headerKind, null));
                headerKind = null;
            }

            if (c is '{' or '(' or '[') { depth++; i++; continue; }
            if (c is '}' or ')' or ']') { depth = Math.Max(0, depth - 1); i++; continue; }
            if (depth == 0 && IsNameStart(c))
            {
                var end = SkipName(text, i);
                var word = text.Substring(i, end - i);
                i = end;
                if (headerKind is null && word is "query" or "mutation" or "subscription" or "fragment") { headerKind = word; named = false; }
                else if (headerKind is not null && !named)
                {
                    named = true;
                    if (headerKind != "fragment") operations.Add((headerKind, word));
                }

                continue;
            }

            i++;
        }

        return new GraphQLDocument(operations);
    }

    private static int SkipName(string text, int i)
    {
        while (i < text.Length && IsNamePart(text[i])) i++;
        return i;
    }

    private static bool IsNameStart(char c) => c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');

    private static bool IsNamePart(char c) => IsNameStart(c) || (c >= '0' && c <= '9');

    private static int SkipLine(string text, int i)
    {
        while (i < text.Length && text[i] != '\n' && text[i] != '\r') i++;
        return i;
    }

    private static int SkipString(string text, int i)
    {
        if (string.CompareOrdinal(text, i, "\"\"\"", 0, 3) == 0)
        {
            var end = text.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
            while (end > 0 && text[end - 1] == '\\') end = text.IndexOf("\"\"\"", end + 3, StringComparison.Ordinal);
            return end < 0 ? text.Length : end + 3;
        }

        for (i++; i < text.Length; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (text[i] == '"' || text[i] == '\n') return i + 1;
        }

        return text.Length;
    }
}

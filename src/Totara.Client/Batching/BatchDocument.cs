using System;
using System.Collections.Generic;
using System.Text;

namespace Totara.Client.Batching;

/// <summary>
/// Builds one aliased request from a batch:
/// <c>mutation totara_batch($a0_input: T!) { a0: core_user_create_user(input: $a0_input) { ... } }</c>.
/// Every argument value travels as a variable, never in the document.
/// </summary>
internal static class BatchDocument
{
    public const string OperationName = "totara_batch";

    public static GraphQLRequest Build(IReadOnlyList<PendingOperation> batch)
    {
        if (batch.Count == 0) throw new ArgumentException("A batch needs at least one operation.", nameof(batch));

        var declarations = new List<string>();
        var body = new StringBuilder();
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);

        foreach (var pending in batch)
        {
            var op = pending.Operation;
            body.Append("  ").Append(pending.Alias).Append(": ").Append(op.Field);
            if (op.Arguments.Count > 0)
            {
                var arguments = new List<string>();
                foreach (var argument in op.Arguments)
                {
                    var variable = pending.VariableName(argument);
                    declarations.Add($"${variable}: {argument.GraphQLType}");
                    arguments.Add($"{argument.Name}: ${variable}");
                    variables[variable] = argument.Value;
                }
                body.Append('(').Append(string.Join(", ", arguments)).Append(')');
            }
            body.Append(' ').Append(WithBraces(op.Selection)).Append('\n');
        }

        var kind = batch[0].Operation.IsMutation ? "mutation" : "query";
        var header = declarations.Count == 0 ? $"{kind} {OperationName}" : $"{kind} {OperationName}({string.Join(", ", declarations)})";
        return new GraphQLRequest($"{header} {{\n{body}}}", variables, OperationName);
    }

    private static string WithBraces(string selection)
    {
        var text = selection.Trim();
        if (text.Length == 0) return "";
        return text.StartsWith("{", StringComparison.Ordinal) ? text : "{ " + text + " }";
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Transport;

namespace Totara.Client.Handshake;

/// <summary>
/// The handshake, without introspection (usually disabled): one document that executes
/// <c>totara_webapi_status</c> and also holds a never-executed operation per known query and
/// mutation. The site validates the whole document, so its "Cannot query field X on type
/// Query/Mutation" errors name what it lacks; those are removed and the document resent.
/// </summary>
internal sealed class SiteProbe
{
    private const string ExecutedOperation = "totara_handshake";
    private const int MaxRounds = 8;

    private static readonly Regex MissingField = new(@"Cannot query field [""'](\w+)[""'] on type [""'](Query|Mutation)[""']", RegexOptions.CultureInvariant);
    private static readonly Regex OnField = new(@"on field [""'](?:\w+\.)?(\w+)[""']", RegexOptions.CultureInvariant);
    private static readonly Regex UnknownType = new(@"Unknown type [""'](\w+)[""']", RegexOptions.CultureInvariant);

    private readonly OperationRunner _runner;

    public SiteProbe(OperationRunner runner) => _runner = runner;

    public async Task<TotaraSiteInfo> RunAsync(CancellationToken ct)
    {
        var probing = KnownOperations.All.Where(o => o.Field != "totara_webapi_status").ToList();
        var confirmed = new List<KnownOperation>();

        for (var round = 0; round < MaxRounds; round++)
        {
            using var answer = await _runner.SendRawAsync(BuildDocument(probing), ct).ConfigureAwait(false);
            if (answer.Data is { } data && data.TryGetProperty("totara_webapi_status", out var status) && status.ValueKind != JsonValueKind.Null)
            {
                var offered = probing.Concat(confirmed).ToList();
                return new TotaraSiteInfo(
                    ReadString(status, "status") ?? status.ToString(),
                    ReadString(status, "timestamp"),
                    offered.Where(o => !o.IsMutation).Select(o => o.Field).Append("totara_webapi_status"),
                    offered.Where(o => o.IsMutation).Select(o => o.Field));
            }

            var changed = false;
            foreach (var error in answer.Errors)
                changed |= Learn(error, probing, confirmed);

            if (!changed)
            {
                throw ErrorMapper.RequestFailure(answer)
                    ?? new TotaraException("The handshake got neither the site status nor an error that names a missing operation.");
            }
        }

        throw new TotaraException($"The handshake did not settle after {MaxRounds} rounds of probing the site's operations.");
    }

    /// <summary>Moves what an error reveals out of the probe: missing operations dropped, present ones confirmed.</summary>
    private static bool Learn(TotaraGraphQLError error, List<KnownOperation> probing, List<KnownOperation> confirmed)
    {
        var missing = MissingField.Match(error.Message);
        if (missing.Success)
        {
            var isMutation = missing.Groups[2].Value == "Mutation";
            return probing.RemoveAll(o => o.Field == missing.Groups[1].Value && o.IsMutation == isMutation) > 0;
        }

        var unknownType = UnknownType.Match(error.Message);
        if (unknownType.Success)
        {
            // Its argument type is not on the site, so neither is the operation.
            var type = unknownType.Groups[1].Value;
            return probing.RemoveAll(o => o.Arguments.Any(a => a.Type.TrimEnd('!') == type)) > 0;
        }

        // Any other complaint about a probe (an argument's type differs, say) still shows the field exists.
        var onField = OnField.Match(error.Message);
        var named = probing.Where(o => error.Message.IndexOf(VariablePrefix(o), StringComparison.Ordinal) >= 0
                                       || error.Message.IndexOf(ProbeName(o), StringComparison.Ordinal) >= 0
                                       || (onField.Success && onField.Groups[1].Value == o.Field)).ToList();
        foreach (var op in named)
        {
            probing.Remove(op);
            confirmed.Add(op);
        }
        return named.Count > 0;
    }

    private static GraphQLRequest BuildDocument(IEnumerable<KnownOperation> probes)
    {
        var document = new StringBuilder();
        document.Append("query ").Append(ExecutedOperation).Append(" { totara_webapi_status { status timestamp } }\n");
        foreach (var op in probes)
        {
            document.Append(op.IsMutation ? "mutation " : "query ").Append(ProbeName(op));
            if (op.Arguments.Count > 0)
                document.Append('(').Append(string.Join(", ", op.Arguments.Select(a => $"${VariablePrefix(op)}{a.Name}: {a.Type}"))).Append(')');
            document.Append(" { ").Append(op.Field);
            if (op.Arguments.Count > 0)
                document.Append('(').Append(string.Join(", ", op.Arguments.Select(a => $"{a.Name}: ${VariablePrefix(op)}{a.Name}"))).Append(')');
            document.Append(" { __typename } }\n");
        }
        return new GraphQLRequest(document.ToString(), null, ExecutedOperation);
    }

    private static string ProbeName(KnownOperation op) => "probe_" + op.Field;

    private static string VariablePrefix(KnownOperation op) => op.Field + "__";

    private static string? ReadString(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null;
}

using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Schema;
using Totara.Client.Transport;

namespace Totara.Client.Handshake;

/// <summary>
/// The handshake: one <c>totara_webapi_status</c> query, which proves the token and the endpoint.
/// It cannot learn which operations the site lacks: introspection is usually disabled, and the
/// external endpoint runs no GraphQL validation (totara_webapi\server), so an operation the site
/// does not have is not an error but a field silently missing from the answer. The site info
/// therefore lists the operations of the bundled schema (the root fields of its Query and
/// Mutation types); a missing one shows when it is used (the answer lacks its field), and
/// <c>Invoke-TotaraGraphQL</c> checks documents against that schema.
/// </summary>
internal sealed class SiteProbe
{
    private const string Document = "query totara_handshake { totara_webapi_status { status timestamp } }";

    private readonly OperationRunner _runner;

    public SiteProbe(OperationRunner runner) => _runner = runner;

    public async Task<TotaraSiteInfo> RunAsync(CancellationToken ct)
    {
        using var answer = await _runner.SendRawAsync(new GraphQLRequest(Document, null, "totara_handshake"), ct).ConfigureAwait(false);
        if (answer.Data is { } data && data.ValueKind == JsonValueKind.Object &&
            data.TryGetProperty("totara_webapi_status", out var status) && status.ValueKind == JsonValueKind.Object)
        {
            return new TotaraSiteInfo(
                ReadString(status, "status") ?? status.ToString(),
                ReadString(status, "timestamp"),
                BundledSchema.Instance.FieldNames("Query"),
                BundledSchema.Instance.FieldNames("Mutation"));
        }

        throw ErrorMapper.RequestFailure(answer)
              ?? new TotaraException("The handshake got no site status: the site answered without totara_webapi_status.");
    }

    private static string? ReadString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null;
}

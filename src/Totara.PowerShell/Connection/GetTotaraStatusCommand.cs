using System;
using System.Diagnostics;
using System.Management.Automation;
using System.Text.Json;
using Totara.Client;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Connection;

/// <summary>
/// <para type="synopsis">Checks that a Totara site's external API answers, and reports what it offers.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "TotaraStatus")]
[OutputType(typeof(TotaraStatus))]
public sealed class GetTotaraStatusCommand : TotaraSessionCmdlet
{
    private const string StatusQuery = "query totara_powershell_status { totara_webapi_status { status timestamp(format: ISO8601) } }";

    /// <inheritdoc />
    protected override void ProcessRecord(TotaraSession session)
    {
        var watch = Stopwatch.StartNew();
        GraphQLResponse response;
        try
        {
            response = Run(session.Client, ct => session.Client.ExecuteAsync(new GraphQLRequest(StatusQuery), ct));
        }
        catch (Exception ex) when (IsRequestFailure(ex))
        {
            ThrowRequestError(ex, session);
            return;
        }

        watch.Stop();
        foreach (var error in response.Errors)
            WriteError(TotaraErrors.FromGraphQLError(error, session));

        if (response.Data is not { ValueKind: JsonValueKind.Object } data ||
            !data.TryGetProperty("totara_webapi_status", out var status) || status.ValueKind != JsonValueKind.Object)
            return;

        WriteObject(new TotaraStatus(
            session.Url,
            ReadString(status, "status") ?? string.Empty,
            SiteTimestamp.Parse(ReadString(status, "timestamp")),
            watch.Elapsed,
            session.Queries.Count,
            session.Mutations.Count,
            session.ServiceAccount));
    }

    private static string? ReadString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

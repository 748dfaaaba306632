using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client;
using Totara.Client.Schema;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.GraphQL;

/// <summary>
/// <para type="synopsis">Sends a GraphQL query or mutation to the Totara external API.</para>
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "TotaraGraphQL", DefaultParameterSetName = DataSet,
    SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(PSObject))]
public sealed class InvokeTotaraGraphQLCommand : TotaraSessionCmdlet
{
    private const string DataSet = "Data";
    private const string AllSet = "All";

    /// <summary>The GraphQL document.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    public string Query { get; set; } = string.Empty;

    /// <summary>The operation's variables; nested hashtables, arrays and objects are allowed.</summary>
    [Parameter(Position = 1)]
    public Hashtable? Variables { get; set; }

    /// <summary>Which operation of the document to run, when it defines several.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateOperationName]
    public string? OperationName { get; set; }

    /// <summary>Follows next_cursor through the $cursor variable and streams every item of -ListField.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    /// <summary>The root field of the cursor-paged list, e.g. core_user_users.</summary>
    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    [ValidateNotNullOrEmpty]
    public string ListField { get; set; } = string.Empty;

    /// <summary>Returns the whole response { data, errors, extensions } instead of data, with errors left in it.</summary>
    [Parameter(ParameterSetName = DataSet)]
    public SwitchParameter Raw { get; set; }

    /// <summary>Sends the document without first checking it against the bundled schema.</summary>
    [Parameter]
    public SwitchParameter SkipSchemaCheck { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord(TotaraSession session)
    {
        if (DocumentOperations.RunsMutation(Query, OperationName, out var name) &&
            !ShouldProcess(session.Url.ToString(), $"Send GraphQL mutation '{name ?? OperationName ?? "(anonymous)"}'"))
            return;

        // Totara runs no GraphQL validation: a field it lacks is dropped from the answer without an error.
        if (!SkipSchemaCheck)
            foreach (var finding in SchemaCheck.Check(Query))
                WriteWarning(finding);

        var request = new GraphQLRequest(Query, ConvertVariables(), OperationName);
        var client = session.Client;
        try
        {
            if (All)
                WriteStream(client, ct => client.PageAsync(request, ListField, "cursor", ct), item => JsonToPSObject.Convert(item));
            else
                WriteResponse(Run(client, ct => client.ExecuteAsync(request, ct)));
        }
        catch (TotaraException ex) when (GraphQLResponseObjects.FromFailure(ex) is { } failed)
        {
            // The site answered with GraphQL errors and no data: still a GraphQL answer, not a transport failure.
            WriteResponse(failed);
        }
        catch (Exception ex) when (IsRequestFailure(ex))
        {
            WriteRequestError(ex, Query);
        }
    }

    private void WriteResponse(GraphQLResponseView response)
    {
        if (Raw)
        {
            WriteObject(response.ToPSObject());
            return;
        }

        foreach (var error in response.Errors)
            WriteError(TotaraErrors.FromGraphQLError(error, GraphQLResponseObjects.PathText(error) ?? Query));
        if (JsonToPSObject.Convert(response.Data) is { } data) WriteObject(data);
    }

    private Dictionary<string, object?>? ConvertVariables()
    {
        if (Variables is null) return null;
        try
        {
            return VariableConverter.Convert(Variables);
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(TotaraErrors.Create(ex, ErrorIds.InvalidVariable, ErrorCategory.InvalidArgument, Variables));
            return null;
        }
    }
}

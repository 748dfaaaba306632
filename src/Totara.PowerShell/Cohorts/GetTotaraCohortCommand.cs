using System;
using System.Collections.Generic;
using System.Management.Automation;
using Totara.Client.Cohorts;
using Totara.PowerShell.Infrastructure;
using Totara.PowerShell.Session;

namespace Totara.PowerShell.Cohorts;

/// <summary>
/// <para type="synopsis">Gets Totara static audiences (cohorts): by id, idnumber or name, or every one, streamed page by page.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "TotaraCohort", DefaultParameterSetName = ListSet)]
[Alias("Get-TotaraAudience")]
[OutputType(typeof(TotaraCohort))]
public sealed class GetTotaraCohortCommand : TotaraSessionCmdlet
{
    private const string ListSet = "List";
    private const string IdentitySet = "Identity";

    /// <summary>The audience(s) to get: id, idnumber or name (a name may match several audiences).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdentitySet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Cohort", "Audience")]
    [CohortIdentityTransformation]
    [ValidateNotNullOrEmpty]
    public CohortIdentity[] Identity { get; set; } = Array.Empty<CohortIdentity>();

    /// <summary>Only audiences with this tag (its raw name).</summary>
    [Parameter(ParameterSetName = ListSet)]
    [ValidateNotNullOrEmpty]
    public string? Tag { get; set; }

    /// <summary>Only audiences created at or after this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? CreatedSince { get; set; }

    /// <summary>Only audiences changed at or after this time.</summary>
    [Parameter(ParameterSetName = ListSet)]
    public DateTime? ModifiedSince { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord(TotaraSession session)
    {
        var cohorts = session.Client.Cohorts;
        if (ParameterSetName == IdentitySet)
        {
            foreach (var identity in Identity) GetOne(session, cohorts, identity);
            return;
        }

        var options = new CohortListOptions
        {
            Tag = Tag,
            CreatedSince = CreatedSince is { } created ? new DateTimeOffset(created.ToUniversalTime()) : null,
            ModifiedSince = ModifiedSince is { } modified ? new DateTimeOffset(modified.ToUniversalTime()) : null,
        };
        WriteStreamOrError(session.Client, ct => cohorts.ListAsync(options, ct), cohort => new TotaraCohort(cohort, session.Url), session);
    }

    private void GetOne(TotaraSession session, CohortsClient cohorts, CohortIdentity identity)
    {
        try
        {
            IReadOnlyList<CohortData> found = Run(session.Client, ct => cohorts.FindAsync(identity.Text, ct));
            if (found.Count == 0)
            {
                WriteError(TotaraErrors.Create(
                    new ItemNotFoundException($"No static audience has the id, idnumber or name '{identity.Text}' on {session.Url}."),
                    ErrorIds.CohortNotFound, ErrorCategory.ObjectNotFound, identity.Text));
                return;
            }
            foreach (var cohort in found) WriteObject(new TotaraCohort(cohort, session.Url));
        }
        catch (Exception ex) when (IsRequestFailure(ex))
        {
            WriteRequestError(ex, identity.Text);
        }
    }
}

using System.Management.Automation;
using Totara.Client.Cohorts;

namespace Totara.PowerShell.Cohorts;

/// <summary>
/// <para type="synopsis">Adds users to a static Totara audience (cohort), in batched requests.</para>
/// </summary>
[Cmdlet(VerbsCommon.Add, "TotaraCohortMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[Alias("Add-TotaraAudienceMember")]
[OutputType(typeof(TotaraCohortMembership))]
public sealed class AddTotaraCohortMemberCommand : CohortMemberCmdlet
{
    /// <inheritdoc />
    protected override string Activity => "Adding users to a Totara audience";

    /// <inheritdoc />
    protected override string Action => $"Add to audience '{Cohort}'";

    private protected override CohortMembershipAction MembershipAction => CohortMembershipAction.Add;

    private protected override void WriteMembership(TotaraCohortMembership membership) => WriteObject(membership);
}

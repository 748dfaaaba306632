using System.Management.Automation;
using Totara.Client.Cohorts;

namespace Totara.PowerShell.Cohorts;

/// <summary>
/// <para type="synopsis">Removes users from a static Totara audience (cohort), in batched requests.</para>
/// </summary>
[Cmdlet(VerbsCommon.Remove, "TotaraCohortMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[Alias("Remove-TotaraAudienceMember")]
[OutputType(typeof(TotaraCohortMembership))]
public sealed class RemoveTotaraCohortMemberCommand : CohortMemberCmdlet
{
    /// <inheritdoc />
    protected override string Activity => "Removing users from a Totara audience";

    /// <inheritdoc />
    protected override string Action => $"Remove from audience '{Cohort}'";

    private protected override CohortMembershipAction MembershipAction => CohortMembershipAction.Remove;

    private protected override void WriteMembership(TotaraCohortMembership membership) => WriteObject(membership);
}

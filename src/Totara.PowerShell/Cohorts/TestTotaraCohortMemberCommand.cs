using System.Management.Automation;
using Totara.Client.Cohorts;

namespace Totara.PowerShell.Cohorts;

/// <summary>
/// <para type="synopsis">Tests whether users are members of a Totara audience (cohort): one answer per user.</para>
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "TotaraCohortMember")]
[Alias("Test-TotaraAudienceMember")]
[OutputType(typeof(bool), typeof(TotaraCohortMembership))]
public sealed class TestTotaraCohortMemberCommand : CohortMemberCmdlet
{
    /// <summary>Returns a result object per user (user, audience, Member / NotMember) instead of a boolean.</summary>
    [Parameter]
    public SwitchParameter Detailed { get; set; }

    /// <inheritdoc />
    protected override string Activity => "Testing Totara audience membership";

    /// <inheritdoc />
    protected override string Action => $"Test membership of audience '{Cohort}'";

    private protected override CohortMembershipAction MembershipAction => CohortMembershipAction.Test;

    // A test may ask about a dynamic audience, which the static list does not hold.
    private protected override bool AllowUnlistedCohort => true;

    private protected override void WriteMembership(TotaraCohortMembership membership)
    {
        if (Detailed.IsPresent) WriteObject(membership);
        else WriteObject(membership.IsMember);
    }
}
